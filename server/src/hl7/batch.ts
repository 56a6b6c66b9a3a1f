/**
 * Group commit for the MLLP listener (issue 3 "Benchmark"): messages that arrive while a transaction
 * is committing wait and go together into the next one, so one commit (one WAL flush) serves many
 * monitors. A lone message still goes at once (the next event-loop turn), so a quiet clinic sees no
 * added latency; under load the batch grows by itself. Each caller's promise settles only after its
 * message's outcome is committed: the ACK never runs ahead of the data.
 *
 * Vital-sign messages (ORU^R01) take the batched path (ingest-batch.ts). Alarms, unreadable messages
 * and those the batch hands back go one by one through ingestMessage. If the batch transaction fails,
 * every message in it is retried alone, so one bad message cannot cost the others their AA.
 */
import { inClinic } from '../db/clinic-scope.ts';
import { groupBy } from '../group-by.ts';
import { parsePcd01, type DeviceReport } from './pcd01.ts';
import {
  NOT_STORED,
  headerOf,
  ingestMessage,
  rejection,
  type IngestDeps,
  type IngestResult,
} from './ingest.ts';
import { storeReadingBatch } from './ingest-batch.ts';

interface Waiting {
  clinicId: string;
  text: string;
  report: DeviceReport;
  resolve: (result: IngestResult) => void;
}

export class IngestQueue {
  private pending: Waiting[] = [];
  private scheduled = false;
  private running = 0;
  /** Alarms and unreadable messages, one at a time in arrival order (an alarm's start before its end). */
  private aloneLane: Promise<unknown> = Promise.resolve();
  private readonly maxBatch: number;
  private readonly concurrency: number;
  private readonly log: (message: string) => void;
  /** Transactions run and messages in them (the benchmark prints the mean batch size). */
  readonly stats = { batches: 0, batched: 0 };

  constructor(
    private readonly deps: IngestDeps,
    opts: {
      maxBatch?: number;
      /**
       * Batches in flight at once. 1 for PGlite (one connection); a PostgreSQL server overlaps one
       * batch's commit with the next one's statements. Batches touching the same device or session
       * serialise on its row lock (taken in a fixed order), so they never see each other half-done.
       */
      concurrency?: number;
      log?: (message: string) => void;
    } = {},
  ) {
    // 1,000 messages keep every multi-row statement of a batch under PGlite's 32,767 bind parameters.
    this.maxBatch = opts.maxBatch ?? 1000;
    this.concurrency = opts.concurrency ?? 1;
    this.log = opts.log ?? (() => undefined);
  }

  /** Settles after the message's outcome is committed; never rejects. */
  submit(clinicId: string, text: string): Promise<IngestResult> {
    const report = vitalsReport(text);
    if (!report) {
      return this.alone(clinicId, text);
    }
    return new Promise((resolve) => {
      this.pending.push({ clinicId, text, report, resolve });
      if (!this.scheduled) {
        this.scheduled = true;
        // Let the frames of the same socket reads join before a transaction starts.
        setImmediate(() => {
          this.scheduled = false;
          this.pump();
        });
      }
    });
  }

  /** Resolves when nothing is waiting or being stored (shutdown). */
  async idle(): Promise<void> {
    while (this.scheduled || this.running > 0 || this.pending.length > 0) {
      await new Promise((r) => setTimeout(r, 5));
    }
    await this.aloneLane;
  }

  private pump(): void {
    while (this.running < this.concurrency && this.pending.length > 0) {
      const batch = this.pending.splice(0, this.maxBatch);
      this.running++;
      void this.flush(batch).finally(() => {
        this.running--;
        this.pump();
      });
    }
  }

  private alone(clinicId: string, text: string): Promise<IngestResult> {
    const result = this.aloneLane.then(() => this.one(clinicId, text));
    this.aloneLane = result;
    return result;
  }

  private async flush(batch: Waiting[]): Promise<void> {
    for (const [clinicId, waiting] of groupBy(batch, (w) => w.clinicId)) {
      const retry: Waiting[] = [];
      try {
        const now = this.deps.now();
        const outcomes = await inClinic(this.deps.db, clinicId, (tx) =>
          storeReadingBatch(
            tx,
            clinicId,
            waiting.map((w) => ({ report: w.report, raw: w.text })),
            now,
          ),
        );
        this.stats.batches++;
        this.stats.batched += waiting.length;
        const changed = new Set<string>();
        outcomes.forEach((outcome, n) => {
          const w = waiting[n];
          if (!w) {
            return;
          }
          if ('alone' in outcome) {
            retry.push(w);
          } else {
            if (outcome.result.infusionId) {
              changed.add(outcome.result.infusionId);
            }
            w.resolve(outcome.result);
          }
        });
        for (const id of changed) {
          this.deps.live.changed(id);
        }
      } catch (err) {
        this.log(`mllp: batch of ${waiting.length} retried one by one: ${describe(err)}`);
        retry.push(...waiting);
      }
      for (const w of retry) {
        w.resolve(await this.one(clinicId, w.text));
      }
    }
  }

  private async one(clinicId: string, text: string): Promise<IngestResult> {
    try {
      return await ingestMessage(this.deps, clinicId, text);
    } catch (err) {
      this.log(`mllp: message not processed: ${describe(err)}`);
      return rejection(headerOf(text), 'AE', NOT_STORED, '207');
    }
  }
}

/**
 * A readable PCD-01 vitals message, or undefined for anything ingestMessage should answer alone: an
 * alarm (parsePcd01 refuses any type but ORU^R01) or an unreadable message (answered AR and logged).
 */
function vitalsReport(text: string): DeviceReport | undefined {
  try {
    return parsePcd01(text);
  } catch {
    return undefined;
  }
}

const describe = (err: unknown): string => (err instanceof Error ? err.message : String(err));
