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
import { parsePcd01, type DeviceReport } from './pcd01.ts';
import { headerOf, ingestMessage, type IngestDeps, type IngestResult } from './ingest.ts';
import { storeReadingBatch, type BatchItem } from './ingest-batch.ts';

interface Waiting {
  clinicId: string;
  text: string;
  resolve: (result: IngestResult) => void;
}

export class IngestQueue {
  private pending: Waiting[] = [];
  private draining = false;
  private readonly maxBatch: number;
  /** Transactions run and messages in them (the benchmark prints the mean batch size). */
  readonly stats = { batches: 0, batched: 0 };

  constructor(
    private readonly deps: IngestDeps,
    opts: { maxBatch?: number; log?: (message: string) => void } = {},
  ) {
    this.maxBatch = opts.maxBatch ?? 1000;
    this.log = opts.log ?? (() => undefined);
  }

  private readonly log: (message: string) => void;

  /** Settles after the message's outcome is committed; never rejects. */
  submit(clinicId: string, text: string): Promise<IngestResult> {
    return new Promise((resolve) => {
      this.pending.push({ clinicId, text, resolve });
      if (!this.draining) {
        this.draining = true;
        // Let the frames of the same socket reads join before the first transaction starts.
        setImmediate(() => void this.drain());
      }
    });
  }

  /** Resolves when nothing is waiting or being stored (shutdown). */
  async idle(): Promise<void> {
    while (this.draining) {
      await new Promise((r) => setTimeout(r, 5));
    }
  }

  private async drain(): Promise<void> {
    try {
      while (this.pending.length > 0) {
        await this.flush(this.pending.splice(0, this.maxBatch));
      }
    } finally {
      this.draining = false;
    }
  }

  private async flush(batch: Waiting[]): Promise<void> {
    const byClinic = new Map<string, Waiting[]>();
    for (const w of batch) {
      byClinic.set(w.clinicId, [...(byClinic.get(w.clinicId) ?? []), w]);
    }
    for (const [clinicId, waiting] of byClinic) {
      const vitals: { w: Waiting; item: BatchItem }[] = [];
      const alone: Waiting[] = [];
      for (const w of waiting) {
        const report = vitalsReport(w.text);
        if (report) {
          vitals.push({ w, item: { report, raw: w.text } });
        } else {
          alone.push(w);
        }
      }
      if (vitals.length > 0) {
        try {
          const now = this.deps.now();
          const outcomes = await inClinic(this.deps.db, clinicId, (tx) =>
            storeReadingBatch(
              tx,
              clinicId,
              vitals.map((v) => v.item),
              now,
            ),
          );
          this.stats.batches++;
          this.stats.batched += vitals.length;
          const changed = new Set<string>();
          outcomes.forEach((outcome, n) => {
            const w = vitals[n]?.w;
            if (!w) {
              return;
            }
            if ('alone' in outcome) {
              alone.push(w);
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
          this.log(`mllp: batch of ${vitals.length} retried one by one: ${describe(err)}`);
          alone.push(...vitals.map((v) => v.w));
        }
      }
      for (const w of alone) {
        w.resolve(await this.one(clinicId, w.text));
      }
    }
  }

  private async one(clinicId: string, text: string): Promise<IngestResult> {
    try {
      return await ingestMessage(this.deps, clinicId, text);
    } catch (err) {
      this.log(`mllp: message not processed: ${describe(err)}`);
      return {
        code: 'AE',
        text: 'The message could not be stored; please send it again',
        errorCode: '207',
        header: headerOf(text),
        status: 'rejected',
        stored: 0,
        infusionId: null,
      };
    }
  }
}

/** A readable PCD-01 vitals message, or undefined for anything ingestMessage should answer alone. */
function vitalsReport(text: string): DeviceReport | undefined {
  if (headerOf(text)?.messageType === 'ORU^R40') {
    return undefined;
  }
  try {
    return parsePcd01(text);
  } catch {
    // Unreadable: ingestMessage answers it AR with the reason and logs it.
    return undefined;
  }
}

const describe = (err: unknown): string => (err instanceof Error ? err.message : String(err));
