/**
 * Monitor messages → patients, infusions, alerts, the review queue (issue 3 "Matching", "ACK").
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { frame } from '../src/hl7/framing.ts';
import type { MllpListener } from '../src/hl7/listener.ts';
import { backends, call, startClinic, type TestClinic } from './harness.ts';
import { geMessage, mindrayMessage, nistMessage } from './hl7-fixtures.ts';
import { TestMonitor, listenFor, msa } from './hl7-client.ts';

describe.each(backends)('monitor messages into the clinic (%s)', (backend) => {
  let t: TestClinic;
  let listener: MllpListener;
  let monitor: TestMonitor;
  const a = { id: '', mrn: '', infusionId: '' };
  const b = { id: '', infusionId: '', chairId: '' };

  const send = async (text: string) => {
    const before = monitor.acks.length;
    await monitor.write(frame(text));
    const acks = await monitor.waitForAcks(before + 1);
    return msa(acks[before] ?? '');
  };
  const vitalsOf = (infusionId: string) =>
    t.database.db
      .selectFrom('vital_signs')
      .select(['kind', 'value', 'diastolic', 'effective_at', 'source', 'device'])
      .where('infusion_id', '=', infusionId)
      .orderBy('effective_at')
      .orderBy('kind')
      .execute();
  const messageRow = (controlId: string) =>
    t.database.db
      .selectFrom('device_messages')
      .selectAll()
      .where('control_id', '=', controlId)
      .orderBy('received_at')
      .execute();

  beforeAll(async () => {
    t = await startClinic(backend);
    const nurse = await t.as('nurse');
    const physician = await t.as('physician');
    const patient = async (givenName: string, chair: string) => {
      const p = await call<{ patient: { id: string } }>(t.app, {
        method: 'POST',
        url: '/api/patients',
        headers: nurse,
        payload: {
          givenName,
          familyName: 'Test',
          birthDate: '1985-03-04',
          indicationCode: 'F33.2',
          weightKg: 70,
        },
      });
      const id = p.body.patient.id;
      await call(t.app, {
        method: 'POST',
        url: `/api/patients/${id}/plan`,
        headers: physician,
        payload: { protocolId: 'iv-depression' },
      });
      const chairId = (
        await t.database.db
          .insertInto('chairs')
          .values({ clinic_id: t.clinicId, name: chair })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;
      const inf = await call<{ infusion: { id: string } }>(t.app, {
        method: 'POST',
        url: '/api/infusions',
        headers: nurse,
        payload: { patientId: id, chairId },
      });
      expect(inf.status).toBe(201);
      const { mrn } = await t.database.db
        .selectFrom('patients')
        .select('mrn')
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
      return { id, mrn, infusionId: inf.body.infusion.id, chairId };
    };
    Object.assign(a, await patient('Maya', 'Chair 1'));
    Object.assign(b, await patient('Jon', 'Bay 4'));
    // The GE monitor's clock runs on clinic time without an offset.
    await t.database.db
      .insertInto('devices')
      .values({ id: '0800A1FFFE00B001', clinic_id: t.clinicId, time_zone: 'America/Chicago' })
      .execute();
    listener = await listenFor(t);
    monitor = await TestMonitor.connect(listener.port);
  });
  afterAll(async () => {
    monitor.close();
    await listener.close();
    await t.close();
  });

  it('GE: matches by MRN, stores in the active infusion at device-local time, opens the SBP alert, tells the console', async () => {
    let told = 0;
    const stop = t.live.subscribe(a.infusionId, () => told++);
    const ack = await send(
      geMessage({
        controlId: 'GE-1',
        at: '20261120085500', // 14:55 UTC in Chicago
        mrn: a.mrn,
        vitals: { hr: 88, pulse: 86, spo2: 96, sbp: 186, dbp: 98, etco2: 36 },
      }),
    );
    stop();
    expect(ack).toMatchObject({ code: 'AA', controlId: 'GE-1' });
    const rows = await vitalsOf(a.infusionId);
    expect(rows.map((r) => [r.kind, r.value, r.diastolic])).toEqual([
      ['bp', 186, 98],
      ['hr', 88, null],
      ['spo2', 96, null],
    ]);
    expect(new Date(rows[0]?.effective_at as Date).toISOString()).toBe('2026-11-20T14:55:00.000Z');
    expect(rows.every((r) => r.source === 'device' && r.device === '0800A1FFFE00B001')).toBe(true);
    const alerts = await t.database.db
      .selectFrom('vital_alerts')
      .select(['code', 'value'])
      .where('infusion_id', '=', a.infusionId)
      .execute();
    expect(alerts).toEqual([{ code: 'sbp_high', value: 186 }]);
    expect(told).toBe(1);
    const [row] = await messageRow('GE-1');
    expect(row).toMatchObject({
      status: 'stored',
      patient_id: a.id,
      infusion_id: a.infusionId,
      observation_count: 3,
    });
    const auditRow = await t.database.db
      .selectFrom('audit_events')
      .select(['actor', 'entity', 'patient_id'])
      .where('entity_id', '=', row?.id as string)
      .executeTakeFirstOrThrow();
    expect(auditRow).toEqual({
      actor: 'device:0800A1FFFE00B001',
      entity: 'device_messages',
      patient_id: a.id,
    });
  });

  it('stores a re-sent message once', async () => {
    const text = geMessage({
      controlId: 'GE-2',
      at: '20261120085600',
      mrn: a.mrn,
      vitals: { hr: 90, spo2: 97 },
    });
    expect((await send(text)).code).toBe('AA');
    const before = await vitalsOf(a.infusionId);
    const again = await send(text);
    expect(again.code).toBe('AA');
    expect(await vitalsOf(a.infusionId)).toEqual(before);
    expect((await messageRow('GE-2')).map((r) => r.observation_count)).toEqual([2, 0]);
  });

  it('Mindray with an empty PID: matches the PV1-3 bed to the chair, never stores sentinels', async () => {
    const ack = await send(
      mindrayMessage({
        controlId: 'MR-1',
        at: '20261120145700',
        bed: 'bay 4',
        vitals: { hr: -100, sbp: 132, dbp: 84, map: 100, spo2: -999, rr: 16, temp: '-99.9' },
      }),
    );
    expect(ack.code).toBe('CA');
    const rows = await vitalsOf(b.infusionId);
    expect(rows.map((r) => [r.kind, r.value])).toEqual([
      ['bp', 132],
      ['rr', 16],
    ]);
    const [row] = await messageRow('MR-1');
    expect(row).toMatchObject({ status: 'stored', patient_id: b.id, observation_count: 2 });
    expect(row?.reason).toContain('3 without value');
  });

  it('NIST style from a device assigned to a chair: matches that chair', async () => {
    await t.database.db
      .insertInto('devices')
      .values({ id: '0800A1FFFE00C002', clinic_id: t.clinicId, chair_id: b.chairId })
      .execute();
    const ack = await send(
      nistMessage({
        controlId: 'N-1',
        at: '20261120085800-0600',
        vitals: { sbp: 128, dbp: 80, map: 96, pulse: 72 },
      }),
    );
    expect(ack.code).toBe('CA');
    const rows = (await vitalsOf(b.infusionId)).filter(
      (r) => new Date(r.effective_at).toISOString() === '2026-11-20T14:58:00.000Z',
    );
    expect(rows.map((r) => [r.kind, r.value])).toEqual([
      ['bp', 128],
      ['hr', 72],
    ]);
  });

  it('keeps an unmatched message for review and acknowledges it AA', async () => {
    const before = await t.database.db
      .selectFrom('vital_signs')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    const ack = await send(
      geMessage({
        controlId: 'GE-X',
        at: '20261120085900',
        mrn: 'NOSUCH',
        device: '0800A1FFFE00F009',
        vitals: { hr: 70 },
      }),
    );
    expect(ack).toMatchObject({ code: 'AA', text: 'Kept for review: no patient with MRN NOSUCH' });
    const [row] = await messageRow('GE-X');
    expect(row).toMatchObject({ status: 'unmatched', patient_id: null, device_id: '0800A1FFFE00F009' });
    expect(row?.raw).toContain('NOSUCH');
    const after = await t.database.db
      .selectFrom('vital_signs')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });

  it('keeps out a reading whose code and label disagree, and says so in the ACK and the log', async () => {
    const text =
      [
        'MSH|^~\\&|MON^0800A1FFFE00A0A1^EUI-64||||20261120145600+0000||ORU^R01|REF-2|P|2.6|||AL|NE',
        `PID|||${a.mrn}^^^^MR`,
        'OBR|1|||182777000^monitoring of patient^SCT|||20261120145600+0000',
        'OBX|1|NM|150456^MDC_ECG_HEART_RATE^MDC|1.2.1.1|72|%',
        'OBX|2|NM|147842^MDC_ECG_HEART_RATE^MDC|1.1.1.1|72|/min',
      ].join('\r') + '\r';
    const ack = await send(text);
    expect(ack).toMatchObject({
      code: 'CA',
      text: 'Stored 1 reading (left out, code and label disagree: 150456 labelled MDC_ECG_HEART_RATE)',
    });
    expect(await messageRow('REF-2')).toMatchObject([
      {
        status: 'stored',
        observation_count: 1,
        reason: 'left out, code and label disagree: 150456 labelled MDC_ECG_HEART_RATE',
      },
    ]);
  });

  it('answers AE with a reason for a message that cannot be stored, and nothing of it is kept but the log', async () => {
    const ack = await send(
      nistMessage({ controlId: 'N-FUT', at: '20261120180000+0000', mrn: a.mrn, vitals: { spo2: 95 } }),
    );
    expect(ack).toMatchObject({
      code: 'CE',
      controlId: 'N-FUT',
      text: 'vital signs cannot be taken in the future',
    });
    expect(await messageRow('N-FUT')).toMatchObject([
      { status: 'rejected', reason: 'vital signs cannot be taken in the future' },
    ]);
    expect((await vitalsOf(a.infusionId)).some((r) => r.kind === 'spo2' && r.value === 95)).toBe(false);
  });
});
