/**
 * A batch whose transaction fails (a deadlock, a lost connection, a bug) is retried message by
 * message, so each monitor still gets the answer its own message deserves and nothing is lost.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { IngestQueue } from '../src/hl7/batch.ts';
import type * as IngestBatch from '../src/hl7/ingest-batch.ts';
import { startClinic, type TestClinic } from './harness.ts';
import { nistMessage } from './hl7-fixtures.ts';

const failures = vi.hoisted(() => ({ left: 0 }));
vi.mock('../src/hl7/ingest-batch.ts', async (importOriginal) => {
  const real = await importOriginal<typeof IngestBatch>();
  return {
    ...real,
    storeReadingBatch: async (...args: Parameters<typeof real.storeReadingBatch>) => {
      if (failures.left > 0) {
        failures.left--;
        throw new Error('deadlock detected');
      }
      return real.storeReadingBatch(...args);
    },
  };
});

describe('a failed group commit', () => {
  let t: TestClinic;
  beforeAll(async () => {
    t = await startClinic('pglite');
  });
  afterAll(async () => {
    await t.close();
  });

  it('is retried one message at a time: all kept, all answered', async () => {
    const logs: string[] = [];
    const queue = new IngestQueue(
      { db: t.database.db, now: () => t.clock.now, live: t.live },
      { log: (m) => logs.push(m) },
    );
    failures.left = 1;
    const texts = Array.from({ length: 6 }, (_, i) =>
      nistMessage({
        controlId: `RT-${i}`,
        at: '20261120145500+0000',
        mrn: 'NOSUCH',
        device: `0800A1FFFE00F00${i}`,
        vitals: { spo2: 97 },
      }),
    );
    const results = await Promise.all(texts.map((text) => queue.submit(t.clinicId, text)));
    expect(results.map((r) => [r.code, r.status])).toEqual(texts.map(() => ['AA', 'unmatched']));
    expect(logs).toEqual(['mllp: batch of 6 retried one by one: deadlock detected']);
    const rows = await t.database.db
      .selectFrom('device_messages')
      .select('control_id')
      .where('control_id', 'like', 'RT-%')
      .execute();
    expect(rows).toHaveLength(6);
  });
});
