/**
 * The monitor-message review queue (issue 3: "What cannot be matched is kept in a review queue where
 * staff assign it — nothing is dropped"): list, assign, dismiss, roles.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestMessage } from '../src/hl7/ingest.ts';
import { backends, call, startClinic, type TestClinic } from './harness.ts';
import { nistMessage } from './hl7-fixtures.ts';

interface Message {
  id: string;
  receivedAt: string;
  deviceId: string | null;
  controlId: string | null;
  messageType: string | null;
  status: string;
  reason: string | null;
  patientHint: {
    mrn: string;
    familyName: string;
    givenName: string;
    location: { pointOfCare: string; room: string; bed: string };
  } | null;
  readingsPreview: { kind: string; value: number; diastolic?: number; at: string }[];
}

describe.each(backends)('monitor message review queue (%s)', (backend) => {
  let t: TestClinic;
  let nurse: Record<string, string>;
  const patient = { id: '', mrn: '', infusionId: '' };

  const ingest = async (
    controlId: string,
    opts: { mrn?: string; bed?: string; at?: string; vitals?: object },
  ) => {
    const result = await ingestMessage(
      { db: t.database.db, now: () => t.clock.now, live: t.live },
      t.clinicId,
      nistMessage({
        controlId,
        at: opts.at ?? '20261120085500-0600',
        ...(opts.mrn === undefined ? {} : { mrn: opts.mrn }),
        ...(opts.bed === undefined ? {} : { bed: opts.bed }),
        vitals: opts.vitals ?? { sbp: 186, dbp: 98, pulse: 88, spo2: 96 },
      }),
    );
    return result;
  };
  const idOf = async (controlId: string) =>
    (
      await t.database.db
        .selectFrom('device_messages')
        .select('id')
        .where('control_id', '=', controlId)
        .executeTakeFirstOrThrow()
    ).id;
  const list = (headers: Record<string, string>, status?: string) =>
    call<{ messages: Message[] }>(t.app, {
      method: 'GET',
      url: `/api/device-messages${status ? `?status=${status}` : ''}`,
      headers,
    });
  const assign = (headers: Record<string, string>, id: string, body: unknown) =>
    call<{ message: { stored: number; infusionId: string | null; patientId: string } }>(t.app, {
      method: 'POST',
      url: `/api/device-messages/${id}/assign`,
      headers,
      payload: body as Record<string, unknown>,
    });
  const vitalsOf = (infusionId: string) =>
    t.database.db
      .selectFrom('vital_signs')
      .select(['kind', 'value', 'diastolic', 'source', 'device', 'recorded_by'])
      .where('infusion_id', '=', infusionId)
      .orderBy('kind')
      .execute();

  beforeAll(async () => {
    t = await startClinic(backend);
    nurse = await t.as('nurse');
    const physician = await t.as('physician');
    const p = await call<{ patient: { id: string; mrn: string } }>(t.app, {
      method: 'POST',
      url: '/api/patients',
      headers: nurse,
      payload: {
        givenName: 'Ana',
        familyName: 'Rivera',
        birthDate: '1980-02-02',
        indicationCode: 'F33.2',
        weightKg: 70,
      },
    });
    patient.id = p.body.patient.id;
    patient.mrn = p.body.patient.mrn;
    await call(t.app, {
      method: 'POST',
      url: `/api/patients/${patient.id}/plan`,
      headers: physician,
      payload: { protocolId: 'iv-depression' },
    });
    const inf = await call<{ infusion: { id: string } }>(t.app, {
      method: 'POST',
      url: '/api/infusions',
      headers: nurse,
      payload: { patientId: patient.id },
    });
    expect(inf.status).toBe(201);
    patient.infusionId = inf.body.infusion.id;
  });
  afterAll(async () => {
    await t.close();
  });

  it('lists unmatched messages, newest first, with what the monitor said and its readings', async () => {
    expect((await ingest('Q-1', { mrn: 'WRONG-1', bed: 'Bay 9' })).status).toBe('unmatched');
    t.clock.now = new Date('2026-11-20T15:01:00Z');
    expect((await ingest('Q-2', { bed: 'Nowhere' })).status).toBe('unmatched');
    expect(
      (await ingest('Q-stored', { mrn: patient.mrn, at: '20261120085000-0600', vitals: { spo2: 97 } }))
        .status,
    ).toBe('stored');

    const res = await list(nurse);
    expect(res.status).toBe(200);
    expect(res.body.messages.map((m) => m.controlId)).toEqual(['Q-2', 'Q-1']);
    const q1 = res.body.messages[1] as Message;
    expect(q1).toMatchObject({
      deviceId: '0800A1FFFE00C002',
      messageType: 'ORU^R01',
      status: 'unmatched',
      receivedAt: '2026-11-20T15:00:00.000Z',
      patientHint: {
        mrn: 'WRONG-1',
        familyName: 'Rivera',
        givenName: 'Ana',
        location: { pointOfCare: 'Infusion', room: 'Bay', bed: 'Bay 9' },
      },
    });
    expect(q1.reason).toContain('no patient with MRN WRONG-1');
    expect(q1.readingsPreview).toEqual([
      { kind: 'hr', value: 88, at: '2026-11-20T14:55:00.000Z' },
      { kind: 'bp', value: 186, diastolic: 98, at: '2026-11-20T14:55:00.000Z' },
      { kind: 'spo2', value: 96, at: '2026-11-20T14:55:00.000Z' },
    ]);

    const stored = await list(nurse, 'stored');
    expect(stored.body.messages.map((m) => m.controlId)).toEqual(['Q-stored']);
    const count = await call<{ unmatched: number }>(t.app, {
      method: 'GET',
      url: '/api/device-messages/count',
      headers: await t.as('front_desk'),
    });
    expect(count.body).toEqual({ unmatched: 2 });
  });

  it('assigns a message: readings charted in the patient’s infusion, SBP alert opened, console told', async () => {
    const id = await idOf('Q-1');
    let told = 0;
    const stop = t.live.subscribe(patient.infusionId, () => told++);
    const res = await assign(nurse, id, { patientId: patient.id });
    stop();
    expect(res.status).toBe(200);
    expect(res.body.message).toEqual({
      id,
      patientId: patient.id,
      infusionId: patient.infusionId,
      stored: 3,
    });
    expect(told).toBe(1);

    const rows = await vitalsOf(patient.infusionId);
    expect(
      rows.filter((r) => r.kind !== 'spo2' || r.value === 96).map((r) => [r.kind, r.value, r.diastolic]),
    ).toEqual([
      ['bp', 186, 98],
      ['hr', 88, null],
      ['spo2', 96, null],
    ]);
    expect(rows.every((r) => r.source === 'device' && r.device === '0800A1FFFE00C002')).toBe(true);
    const alerts = await t.database.db
      .selectFrom('vital_alerts')
      .select(['code', 'value'])
      .where('infusion_id', '=', patient.infusionId)
      .execute();
    expect(alerts).toEqual([{ code: 'sbp_high', value: 186 }]);

    const row = await t.database.db
      .selectFrom('device_messages')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      status: 'assigned',
      patient_id: patient.id,
      infusion_id: patient.infusionId,
      observation_count: 3,
    });
    expect(row.resolved_by).not.toBeNull();
    expect(new Date(row.resolved_at as Date).toISOString()).toBe('2026-11-20T15:01:00.000Z');
    const auditRow = await t.database.db
      .selectFrom('audit_events')
      .select(['action', 'patient_id'])
      .where('entity_id', '=', id)
      .where('action', '=', 'assign')
      .executeTakeFirstOrThrow();
    expect(auditRow.patient_id).toBe(patient.id);

    expect((await list(nurse)).body.messages.map((m) => m.controlId)).toEqual(['Q-2']);
    expect((await list(nurse, 'assigned')).body.messages.map((m) => m.controlId)).toEqual(['Q-1']);
  });

  it('assigning twice is a 409 and charts nothing more', async () => {
    const before = await vitalsOf(patient.infusionId);
    const res = await assign(nurse, await idOf('Q-1'), { patientId: patient.id });
    expect(res.status).toBe(409);
    expect(await vitalsOf(patient.infusionId)).toEqual(before);
  });

  it('skips readings already charted from the same device (re-sent message)', async () => {
    await ingest('Q-dup', { mrn: 'WRONG-2' });
    const res = await assign(nurse, await idOf('Q-dup'), { patientId: patient.id });
    expect(res.status).toBe(200);
    expect(res.body.message.stored).toBe(0);
  });

  it('dismisses with a note: kept in the log, out of the queue; dismissing twice is a 409', async () => {
    const id = await idOf('Q-2');
    const noNote = await call(t.app, {
      method: 'POST',
      url: `/api/device-messages/${id}/dismiss`,
      headers: nurse,
      payload: { note: '  ' },
    });
    expect(noNote.status).toBe(400);
    const res = await call(t.app, {
      method: 'POST',
      url: `/api/device-messages/${id}/dismiss`,
      headers: nurse,
      payload: { note: 'test monitor on the bench' },
    });
    expect(res.status).toBe(200);
    expect((await list(nurse)).body.messages).toEqual([]);
    const dismissed = await list(nurse, 'dismissed');
    expect(dismissed.body.messages.map((m) => [m.controlId, m.status])).toEqual([['Q-2', 'dismissed']]);
    expect(dismissed.body.messages[0]?.reason).toContain('test monitor on the bench');
    const again = await call(t.app, {
      method: 'POST',
      url: `/api/device-messages/${id}/dismiss`,
      headers: nurse,
      payload: { note: 'again' },
    });
    expect(again.status).toBe(409);
  });

  it('refuses roles without devices.review', async () => {
    await ingest('Q-3', { mrn: 'WRONG-3' });
    const id = await idOf('Q-3');
    for (const role of ['therapist', 'billing'] as const) {
      const headers = await t.as(role);
      expect((await list(headers)).status).toBe(403);
      expect((await assign(headers, id, { patientId: patient.id })).status).toBe(403);
      const dismiss = await call(t.app, {
        method: 'POST',
        url: `/api/device-messages/${id}/dismiss`,
        headers,
        payload: { note: 'x' },
      });
      expect(dismiss.status).toBe(403);
    }
    expect((await list(await t.as('physician'))).status).toBe(200);
    expect((await list(nurse)).body.messages.map((m) => m.controlId)).toEqual(['Q-3']);
  });

  it('answers 404 for an unknown message or patient and 400 for a bad request', async () => {
    const unknown = '00000000-0000-4000-8000-000000000000';
    const missing = await assign(nurse, unknown, { patientId: patient.id });
    expect(missing.status).toBe(404);
    const id = await idOf('Q-3');
    expect((await assign(nurse, id, { patientId: unknown })).status).toBe(404);
    expect((await assign(nurse, id, { patientId: 'nope' })).status).toBe(400);
    expect((await assign(nurse, id, {})).status).toBe(400);
    expect((await assign(nurse, 'not-a-uuid', { patientId: patient.id })).status).toBe(400);
    expect((await list(nurse, 'lost')).status).toBe(400);
    // Nothing half-done: the message is still in the queue.
    expect((await list(nurse)).body.messages.map((m) => m.controlId)).toEqual(['Q-3']);
  });
  it('keeps device alarms out of charting: assigning an unmatched ORU^R40 is a 409', async () => {
    const alarm = [
      'MSH|^~\\&|MON^0011223344556677^EUI-64|Clinic|||20261120145800+0000||ORU^R40^ORU_R40|AL-X|P|2.6|||AL|NE',
      'PID|||NOPE-2^^^X^MR',
      'PV1||I|^^Z',
      'OBR|1|ev-1^MON|ev-1^MON|196616^MDC_EVT_ALARM^MDC|||20261120145800+0000',
      'OBX|1|ST|0^MDCX_EVT_ALERT_ADVISORY^MDC|1.0.0.0.1|LEADS OFF|||A~PM~ST|||R|||20261120145800+0000',
      'OBX|2|ST|68481^MDC_ATTR_EVENT_PHASE^MDC|1.0.0.0.3|start|||A~PM~ST|||R',
    ].join('\r');
    await ingestMessage({ db: t.database.db, now: () => t.clock.now, live: t.live }, t.clinicId, alarm);
    const id = await idOf('AL-X');
    const res = await call<{ error: { code: string } }>(t.app, {
      method: 'POST',
      url: `/api/device-messages/${id}/assign`,
      headers: nurse,
      payload: { patientId: patient.id },
    });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('not_a_vitals_message');
  });
});
