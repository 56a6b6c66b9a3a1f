/**
 * Issue 4: psychotherapy sessions (preparation, during dosing, integration, MET, relapse prevention) are
 * recorded by therapists and physicians, read by the care team, and shown on the chart beside infusions.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inClinic } from '../src/db/clinic-scope.ts';
import { backends, call, scheduleInfusionFor, otherClinic, startClinic, type TestClinic } from './harness.ts';

interface Session {
  id: string;
  kind: string;
  heldAt: string;
  minutes: number | null;
  attendance: string;
  therapist: { id: string; name: string };
  infusionId: string | null;
  summary: string | null;
  recordedBy: { id: string; name: string };
}
interface ErrorBody {
  error: { code: string; message: string; issues?: { path: string; message: string }[] };
}

describe.each(backends)('psychotherapy sessions (%s)', (backend) => {
  let t: TestClinic;
  let patientId: string;
  let infusionId: string;
  let therapistId: string;
  const url = () => `/api/patients/${patientId}/therapy-sessions`;
  const record = async (role: Parameters<TestClinic['as']>[0], payload: Record<string, unknown>) =>
    call<{ session: Session } & ErrorBody>(t.app, {
      method: 'POST',
      url: url(),
      headers: await t.as(role),
      payload,
    });

  beforeAll(async () => {
    t = await startClinic(backend);
    const scheduled = await scheduleInfusionFor(
      t,
      {
        givenName: 'Marcus',
        familyName: 'Whitfield',
        birthDate: '1983-03-22',
        indicationCode: 'F10.20',
        weightKg: 84.7,
      },
      'iv-alcohol-relapse-prevention',
    );
    patientId = scheduled.patientId;
    infusionId = scheduled.infusionId;
    const me = await call<{ user: { id: string } }>(t.app, {
      method: 'GET',
      url: '/api/auth/me',
      headers: await t.as('therapist'),
    });
    therapistId = me.body.user.id;
  });
  afterAll(() => t.close());

  it('records sessions by a therapist and lists them newest first, each with who held and wrote it', async () => {
    const met = await record('therapist', {
      kind: 'motivational_enhancement',
      heldAt: '2026-11-13T16:00:00Z',
      minutes: 50,
      summary: 'Importance 8/10, confidence 5/10; goal: alcohol-free weekdays. Plan: review the use diary.',
    });
    expect(met.status).toBe(201);
    expect(met.body.session).toMatchObject({
      kind: 'motivational_enhancement',
      heldAt: '2026-11-13T16:00:00.000Z',
      minutes: 50,
      attendance: 'attended',
      therapist: { id: therapistId, name: 'Test therapist' },
      recordedBy: { id: therapistId },
      infusionId: null,
    });
    // A physician records a relapse-prevention session the therapist held, and a no-show.
    const rp = await record('physician', {
      kind: 'relapse_prevention',
      heldAt: '2026-11-18T16:00:00Z',
      minutes: 90,
      therapistId,
    });
    expect(rp.status).toBe(201);
    expect(rp.body.session.therapist.id).toBe(therapistId);
    expect(rp.body.session.recordedBy.name).toBe('Test physician');
    const missed = await record('therapist', {
      kind: 'integration',
      heldAt: '2026-11-19T16:00:00Z',
      attendance: 'no_show',
    });
    expect(missed.status).toBe(201);
    expect(missed.body.session).toMatchObject({ attendance: 'no_show', minutes: null, summary: null });

    const list = await call<{ sessions: Session[] }>(t.app, {
      method: 'GET',
      url: url(),
      headers: await t.as('nurse'),
    });
    expect(list.status).toBe(200);
    expect(list.body.sessions.map((s) => s.kind)).toEqual([
      'integration',
      'relapse_prevention',
      'motivational_enhancement',
    ]);
  });

  it('links a session during dosing to the patient’s own dosing session', async () => {
    const during = await record('therapist', {
      kind: 'during_dosing',
      heldAt: '2026-11-20T14:55:00Z',
      minutes: 120,
      infusionId,
    });
    expect(during.status).toBe(201);
    expect(during.body.session.infusionId).toBe(infusionId);
  });

  it('answers 400 naming the field, and saves nothing', async () => {
    const before = await call<{ sessions: Session[] }>(t.app, {
      method: 'GET',
      url: url(),
      headers: await t.as('therapist'),
    });
    const cases: [Record<string, unknown>, string][] = [
      [{ kind: 'integration', heldAt: '2026-11-19T16:00:00Z' }, 'minutes'],
      [{ kind: 'integration', heldAt: '2026-11-19T16:00:00Z', minutes: 600 }, 'minutes'],
      [{ kind: 'process_notes', heldAt: '2026-11-19T16:00:00Z', minutes: 50 }, 'kind'],
      [{ kind: 'integration', heldAt: 'yesterday', minutes: 50 }, 'heldAt'],
      [{ kind: 'during_dosing', heldAt: '2026-11-20T14:00:00Z', minutes: 90 }, 'infusionId'],
      // Domain rules checked in the service: held in the future; integration before its infusion.
      [{ kind: 'integration', heldAt: '2026-11-21T16:00:00Z', minutes: 50 }, 'heldAt'],
      [{ kind: 'integration', heldAt: '2026-11-19T16:00:00Z', minutes: 50, infusionId }, 'heldAt'],
    ];
    for (const [payload, field] of cases) {
      const res = await record('therapist', payload);
      expect(res.status, JSON.stringify(payload)).toBe(400);
      expect(res.body.error.issues?.map((i) => i.path)).toContain(field);
      expect(res.body.error.message).toContain(field);
    }
    const after = await call<{ sessions: Session[] }>(t.app, {
      method: 'GET',
      url: url(),
      headers: await t.as('therapist'),
    });
    expect(after.body.sessions).toHaveLength(before.body.sessions.length);
  });

  it('refuses a therapist who is not clinical staff, and another patient’s infusion', async () => {
    const desk = await call<{ user: { id: string } }>(t.app, {
      method: 'GET',
      url: '/api/auth/me',
      headers: await t.as('front_desk'),
    });
    const notTherapist = await record('physician', {
      kind: 'other',
      heldAt: '2026-11-19T16:00:00Z',
      minutes: 30,
      therapistId: desk.body.user.id,
    });
    expect(notTherapist.status).toBe(400);
    expect(notTherapist.body.error.issues?.[0]?.path).toBe('therapistId');

    const other = await scheduleInfusionFor(t, {
      givenName: 'Ada',
      familyName: 'Quill',
      birthDate: '1980-02-02',
      indicationCode: 'F33.2',
      weightKg: 60,
    });
    const wrongInfusion = await record('therapist', {
      kind: 'during_dosing',
      heldAt: '2026-11-20T14:55:00Z',
      minutes: 90,
      infusionId: other.infusionId,
    });
    expect(wrongInfusion.status).toBe(400);
    expect(wrongInfusion.body.error.issues?.[0]).toEqual({
      path: 'infusionId',
      message: 'not a dosing session of this patient',
    });
  });

  it('keeps therapy summaries from the front desk and billing; nurses read but do not record', async () => {
    const payload = { kind: 'integration', heldAt: '2026-11-19T16:00:00Z', minutes: 50 };
    for (const role of ['front_desk', 'billing', 'nurse', 'admin'] as const) {
      expect((await record(role, payload)).status, role).toBe(403);
    }
    for (const role of ['front_desk', 'billing'] as const) {
      const res = await call<ErrorBody>(t.app, { method: 'GET', url: url(), headers: await t.as(role) });
      expect(res.status, role).toBe(403);
      expect(res.body.error.message).toContain('therapy.read');
    }
  });

  it('answers 404 for an unknown patient', async () => {
    const res = await call(t.app, {
      method: 'GET',
      url: '/api/patients/00000000-0000-4000-8000-000000000000/therapy-sessions',
      headers: await t.as('therapist'),
    });
    expect(res.status).toBe(404);
    const post = await call(t.app, {
      method: 'POST',
      url: '/api/patients/00000000-0000-4000-8000-000000000000/therapy-sessions',
      headers: await t.as('therapist'),
      payload: { kind: 'other', heldAt: '2026-11-19T16:00:00Z', minutes: 30 },
    });
    expect(post.status).toBe(404);
  });

  it('puts the sessions on the chart for the care team, and null for those who may not read them', async () => {
    const chartAs = async (role: Parameters<TestClinic['as']>[0]) =>
      call<{ patient: { therapySessions: Session[] | null; infusions: { id: string }[] } }>(t.app, {
        method: 'GET',
        url: `/api/patients/${patientId}`,
        headers: await t.as(role),
      });
    const byTherapist = await chartAs('therapist');
    expect(byTherapist.body.patient.therapySessions?.map((s) => s.kind)).toEqual([
      'during_dosing',
      'integration',
      'relapse_prevention',
      'motivational_enhancement',
    ]);
    expect(byTherapist.body.patient.therapySessions?.[0]?.infusionId).toBe(
      byTherapist.body.patient.infusions[0]?.id,
    );
    expect((await chartAs('nurse')).body.patient.therapySessions).toHaveLength(4);
    for (const role of ['front_desk', 'billing'] as const) {
      const chart = await chartAs(role);
      expect(chart.status).toBe(200);
      expect(chart.body.patient.therapySessions, role).toBeNull();
    }
  });

  it('audits every record and read of therapy sessions, without the summary’s words', async () => {
    const rows = await inClinic(t.database.db, t.clinicId, (tx) =>
      tx
        .selectFrom('audit_events')
        .select(['action', 'actor', 'detail'])
        .where('entity', '=', 'therapy_session')
        .where('patient_id', '=', patientId)
        .execute(),
    );
    expect(rows.filter((r) => r.action === 'create')).toHaveLength(4);
    expect(rows.filter((r) => r.action === 'read').length).toBeGreaterThanOrEqual(4);
    expect(JSON.stringify(rows)).not.toContain('alcohol-free weekdays');
    // Those refused never read them: no read rows in the front desk's name.
    const desk = await call<{ user: { id: string } }>(t.app, {
      method: 'GET',
      url: '/api/auth/me',
      headers: await t.as('front_desk'),
    });
    expect(rows.some((r) => r.actor === `staff:${desk.body.user.id}`)).toBe(false);
  });
});

describe.each(backends)('psychotherapy sessions across clinics (%s)', (backend) => {
  let t: TestClinic;
  let other: Record<string, string>;
  let otherClinicId: string;
  beforeAll(async () => {
    t = await startClinic(backend);
    ({ clinicId: otherClinicId, headers: other } = await otherClinic(t, 'therapist'));
  });
  afterAll(() => t.close());

  it('never shows or takes one clinic’s therapy sessions in another, by API or by SQL', async () => {
    const created = await call<{ patient: { id: string } }>(t.app, {
      method: 'POST',
      url: '/api/patients',
      headers: await t.as('nurse'),
      payload: { givenName: 'Ada', familyName: 'Quill', birthDate: '1980-02-02', indicationCode: 'F33.2' },
    });
    const id = created.body.patient.id;
    const mine = await call<{ session: { id: string } }>(t.app, {
      method: 'POST',
      url: `/api/patients/${id}/therapy-sessions`,
      headers: await t.as('therapist'),
      payload: { kind: 'preparation', heldAt: '2026-11-18T16:00:00Z', minutes: 60 },
    });
    expect(mine.status).toBe(201);
    const url = `/api/patients/${id}/therapy-sessions`;
    expect((await call(t.app, { method: 'GET', url, headers: other })).status).toBe(404);
    expect(
      (
        await call(t.app, {
          method: 'POST',
          url,
          headers: other,
          payload: { kind: 'integration', heldAt: '2026-11-19T16:00:00Z', minutes: 50 },
        })
      ).status,
    ).toBe(404);
    // Naming another clinic's staff member as the therapist is refused like any stranger.
    const otherTherapist = await t.database.db
      .selectFrom('staff')
      .select('id')
      .where('email', '=', 'therapist@other.clinic')
      .executeTakeFirstOrThrow();
    const stranger = await call<ErrorBody>(t.app, {
      method: 'POST',
      url,
      headers: await t.as('therapist'),
      payload: {
        kind: 'integration',
        heldAt: '2026-11-19T16:00:00Z',
        minutes: 50,
        therapistId: otherTherapist.id,
      },
    });
    expect(stranger.status).toBe(400);
    expect(stranger.body.error.issues?.[0]?.path).toBe('therapistId');

    // Row-level security, with no WHERE clause at all:
    const seen = await inClinic(t.database.db, otherClinicId, (tx) =>
      tx.selectFrom('therapy_sessions').select('id').execute(),
    );
    expect(seen).toEqual([]);
    const ours = await inClinic(t.database.db, t.clinicId, (tx) =>
      tx.selectFrom('therapy_sessions').select('id').execute(),
    );
    expect(ours.map((r) => r.id)).toEqual([mine.body.session.id]);
    // And a write into another clinic's fence is refused by the database.
    await expect(
      inClinic(t.database.db, otherClinicId, (tx) =>
        tx
          .insertInto('therapy_sessions')
          .values({
            clinic_id: t.clinicId,
            patient_id: id,
            therapist_id: otherTherapist.id,
            kind: 'other',
            held_at: '2026-11-19T16:00:00Z',
            minutes: 30,
            attendance: 'attended',
            infusion_id: null,
            summary: null,
            recorded_by: otherTherapist.id,
          })
          .execute(),
      ),
    ).rejects.toThrow(/row-level security/);
  });
});
