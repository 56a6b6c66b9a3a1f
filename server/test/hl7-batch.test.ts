/**
 * Group commit (batch.ts, ingest-batch.ts): many monitors' messages in one transaction must give each
 * message the outcome it would get alone — matching, idempotency, rejections, alerts, log and audit —
 * and one bad message must not cost the others their acceptance.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IngestQueue } from '../src/hl7/batch.ts';
import { backends, scheduleInfusionFor, startClinic, type TestClinic } from './harness.ts';
import { mindrayMessage, nistMessage } from './hl7-fixtures.ts';

const person = (givenName: string) => ({
  givenName,
  familyName: 'Batch',
  birthDate: '1980-01-02',
  indicationCode: 'F33.2',
  weightKg: 80,
});

describe.each(backends)('group commit of monitor messages (%s)', (backend) => {
  let t: TestClinic;
  let queue: IngestQueue;
  const a = { mrn: '', patientId: '', infusionId: '' };
  const b = { patientId: '', infusionId: '' };

  const minute = (m: number, s = 0) =>
    `202611201${4 + Math.floor(m / 60)}${String(m % 60).padStart(2, '0')}${String(s).padStart(2, '0')}+0000`;

  beforeAll(async () => {
    t = await startClinic(backend);
    const pa = await scheduleInfusionFor(t, person('Ana'));
    Object.assign(a, pa);
    a.mrn = (
      await t.database.db
        .selectFrom('patients')
        .select('mrn')
        .where('id', '=', pa.patientId)
        .executeTakeFirstOrThrow()
    ).mrn;
    Object.assign(b, await scheduleInfusionFor(t, person('Ben')));
    const chair = await t.database.db
      .insertInto('chairs')
      .values({ clinic_id: t.clinicId, name: 'Bay 7' })
      .returning('id')
      .executeTakeFirstOrThrow();
    await t.database.db
      .updateTable('infusions')
      .set({ chair_id: chair.id })
      .where('id', '=', b.infusionId)
      .execute();
    queue = new IngestQueue({ db: t.database.db, now: () => t.clock.now, live: t.live });
  });
  afterAll(async () => {
    await queue.idle();
    await t.close();
  });

  it('stores messages from many monitors in one transaction, each with its own outcome', async () => {
    const texts = [
      ...Array.from({ length: 20 }, (_, i) =>
        nistMessage({ controlId: `BA-${i}`, at: minute(i), mrn: a.mrn, vitals: { pulse: 70 + i, spo2: 97 } }),
      ),
      ...Array.from({ length: 20 }, (_, i) =>
        mindrayMessage({
          controlId: `BB-${i}`,
          at: minute(i).slice(0, 14),
          bed: 'Bay 7',
          vitals: { hr: 60 + i, spo2: 96 },
        }),
      ),
      ...Array.from({ length: 5 }, (_, i) =>
        nistMessage({
          controlId: `BU-${i}`,
          at: minute(i),
          mrn: 'NOSUCH',
          device: `0800A1FFFE00D00${i}`,
          vitals: { spo2: 95 },
        }),
      ),
      // Re-sends of messages in the same batch: stored once, answered as accepted.
      ...Array.from({ length: 3 }, (_, i) =>
        nistMessage({ controlId: `BD-${i}`, at: minute(i), mrn: a.mrn, vitals: { pulse: 70 + i, spo2: 97 } }),
      ),
      nistMessage({ controlId: 'B-FUTURE', at: '20261120180000+0000', mrn: a.mrn, vitals: { spo2: 95 } }),
      'MSH|^~\\&|X^0800A1FFFE00E009^EUI-64||||20261120145500||ORU^R01|B-BAD|P|2.6\rpid lower\r',
    ];
    const before = queue.stats.batches;
    const results = await Promise.all(texts.map((text) => queue.submit(t.clinicId, text)));
    // The readings share transactions (the unreadable and the refused ones go alone).
    expect(queue.stats.batches - before).toBeLessThanOrEqual(2);

    const byId = new Map(results.map((r) => [r.header?.controlId ?? '', r]));
    for (let i = 0; i < 20; i++) {
      expect(byId.get(`BA-${i}`)).toMatchObject({
        code: 'AA',
        status: 'stored',
        stored: 2,
        infusionId: a.infusionId,
      });
      expect(byId.get(`BB-${i}`)).toMatchObject({
        code: 'AA',
        status: 'stored',
        stored: 2,
        infusionId: b.infusionId,
      });
    }
    expect(byId.get('BU-0')).toMatchObject({
      code: 'AA',
      status: 'unmatched',
      text: 'Kept for review: no patient with MRN NOSUCH',
    });
    expect(byId.get('BD-0')).toMatchObject({ code: 'AA', status: 'stored', stored: 0, infusionId: null });
    expect(byId.get('B-FUTURE')).toMatchObject({
      code: 'AE',
      status: 'rejected',
      text: 'vital signs cannot be taken in the future',
    });
    expect(byId.get('B-BAD')).toMatchObject({ code: 'AR', status: 'rejected' });

    const count = async (infusionId: string) =>
      Number(
        (
          await t.database.db
            .selectFrom('vital_signs')
            .select((eb) => eb.fn.countAll().as('n'))
            .where('infusion_id', '=', infusionId)
            .executeTakeFirstOrThrow()
        ).n,
      );
    expect(await count(a.infusionId)).toBe(40);
    expect(await count(b.infusionId)).toBe(40);

    const logged = await t.database.db
      .selectFrom('device_messages')
      .select(['control_id', 'status', 'observation_count'])
      .where('control_id', 'like', 'B%')
      .execute();
    expect(logged).toHaveLength(texts.length);
    const status = (id: string) => logged.find((l) => l.control_id === id);
    expect(status('BA-3')).toMatchObject({ status: 'stored', observation_count: 2 });
    expect(status('BD-1')).toMatchObject({ status: 'stored', observation_count: 0 });
    expect(status('BU-2')).toMatchObject({ status: 'unmatched' });
    expect(status('B-FUTURE')).toMatchObject({ status: 'rejected' });

    const audits = await t.database.db
      .selectFrom('audit_events')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('entity', '=', 'device_messages')
      .executeTakeFirstOrThrow();
    expect(Number(audits.n)).toBe(texts.length);
  });

  it('opens the alert of the session whose reading crossed a limit, and tells its console once', async () => {
    const heard: string[] = [];
    const offA = t.live.subscribe(a.infusionId, () => heard.push('a'));
    const offB = t.live.subscribe(b.infusionId, () => heard.push('b'));
    await Promise.all([
      queue.submit(
        t.clinicId,
        nistMessage({ controlId: 'BX-1', at: minute(30), mrn: a.mrn, vitals: { sbp: 186, dbp: 96 } }),
      ),
      queue.submit(
        t.clinicId,
        nistMessage({
          controlId: 'BX-2',
          at: minute(31),
          mrn: a.mrn,
          vitals: { sbp: 150, dbp: 90, spo2: 97 },
        }),
      ),
      queue.submit(
        t.clinicId,
        mindrayMessage({ controlId: 'BX-3', at: minute(30).slice(0, 14), bed: 'Bay 7', vitals: { hr: 72 } }),
      ),
    ]);
    offA();
    offB();
    expect(heard.sort()).toEqual(['a', 'b']);
    const alerts = await t.database.db
      .selectFrom('vital_alerts')
      .select(['infusion_id', 'code', 'cleared_at'])
      .execute();
    // The crossing reading was followed in the same batch by one back in range: opened, then cleared.
    expect(alerts).toEqual([]);

    await queue.submit(
      t.clinicId,
      nistMessage({ controlId: 'BX-4', at: minute(32), mrn: a.mrn, vitals: { sbp: 190, dbp: 100 } }),
    );
    const open = await t.database.db
      .selectFrom('vital_alerts')
      .select(['infusion_id', 'code', 'value'])
      .where('cleared_at', 'is', null)
      .execute();
    expect(open).toEqual([{ infusion_id: a.infusionId, code: 'sbp_high', value: expect.anything() }]);
    expect(Number(open[0]?.value)).toBe(190);

    // Back in range: the open alert is re-evaluated even though nothing crosses now.
    await queue.submit(
      t.clinicId,
      nistMessage({ controlId: 'BX-5', at: minute(33), mrn: a.mrn, vitals: { sbp: 140, dbp: 85 } }),
    );
    const still = await t.database.db
      .selectFrom('vital_alerts')
      .select('id')
      .where('cleared_at', 'is', null)
      .execute();
    expect(still).toEqual([]);
  });

  it('stores a full batch of 1,000 messages (5,000 readings) in statements PGlite can take', async () => {
    const texts = Array.from({ length: 1000 }, (_, i) =>
      nistMessage({
        controlId: `BIG-${i}`,
        at: minute(50),
        mrn: a.mrn,
        device: `0800A1FFFE${i.toString(16).toUpperCase().padStart(6, '0')}`,
        vitals: { sbp: 120, dbp: 75, pulse: 72, spo2: 97, rr: 14, temp: 36.8 },
      }),
    );
    const results = await Promise.all(texts.map((text) => queue.submit(t.clinicId, text)));
    expect(results.filter((r) => r.code !== 'AA' || r.stored !== 5)).toEqual([]);
  });
});
