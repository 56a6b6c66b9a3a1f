/**
 * Issue 4: a relapse is a clinician's judgement that symptoms or use returned, dated by the clinic day;
 * recorded by physicians, nurses and therapists, read with the chart, fenced by clinic.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inClinic } from '../src/db/clinic-scope.ts';
import { backends, call, otherClinic, startClinic, type TestClinic } from './harness.ts';

interface Relapse {
  id: string;
  notedOn: string;
  kind: string;
  note: string | null;
  recordedBy: { id: string; name: string };
}
interface ErrorBody {
  error: { code: string; message: string; issues?: { path: string; message: string }[] };
}
type Role = Parameters<TestClinic['as']>[0];

async function newPatient(t: TestClinic): Promise<string> {
  const created = await call<{ patient: { id: string } }>(t.app, {
    method: 'POST',
    url: '/api/patients',
    headers: await t.as('nurse'),
    payload: { givenName: 'Ada', familyName: 'Quill', birthDate: '1980-02-02', indicationCode: 'F33.2' },
  });
  return created.body.patient.id;
}

describe.each(backends)('relapses (%s)', (backend) => {
  let t: TestClinic;
  let patientId: string;
  const url = () => `/api/patients/${patientId}/relapses`;
  const record = async (role: Role, payload: Record<string, unknown>) =>
    call<{ relapse: Relapse } & ErrorBody>(t.app, {
      method: 'POST',
      url: url(),
      headers: await t.as(role),
      payload,
    });

  beforeAll(async () => {
    t = await startClinic(backend);
    patientId = await newPatient(t);
  });
  afterAll(() => t.close());

  it('records relapses and lists them newest noted first, on the endpoint and the chart', async () => {
    const first = await record('therapist', {
      notedOn: '2026-10-02',
      kind: 'substance_use',
      note: 'Drinking again since the wedding',
    });
    expect(first.status).toBe(201);
    expect(first.body.relapse).toMatchObject({
      notedOn: '2026-10-02',
      kind: 'substance_use',
      note: 'Drinking again since the wedding',
      recordedBy: { name: 'Test therapist' },
    });
    expect((await record('physician', { notedOn: '2026-11-01', kind: 'depressive' })).status).toBe(201);
    expect((await record('nurse', { notedOn: '2026-09-15', kind: 'other' })).status).toBe(201);

    const list = await call<{ relapses: Relapse[] }>(t.app, {
      method: 'GET',
      url: url(),
      headers: await t.as('front_desk'),
    });
    expect(list.status).toBe(200);
    expect(list.body.relapses.map((r) => r.notedOn)).toEqual(['2026-11-01', '2026-10-02', '2026-09-15']);
    const chart = await call<{ patient: { relapses: Relapse[] } }>(t.app, {
      method: 'GET',
      url: `/api/patients/${patientId}`,
      headers: await t.as('billing'),
    });
    expect(chart.body.patient.relapses.map((r) => r.kind)).toEqual(['depressive', 'substance_use', 'other']);
  });

  it('answers 400 naming the field', async () => {
    const badKind = await record('nurse', { notedOn: '2026-11-01', kind: 'relapse' });
    expect(badKind.status).toBe(400);
    expect(badKind.body.error.issues?.map((i) => i.path)).toContain('kind');
    const badDay = await record('nurse', { notedOn: '2026-02-30', kind: 'other' });
    expect(badDay.status).toBe(400);
    expect(badDay.body.error.issues?.map((i) => i.path)).toContain('notedOn');
  });

  it('answers 403 to roles that may not record a relapse, and audits without the note', async () => {
    for (const role of ['billing', 'front_desk', 'admin'] as const) {
      const res = await record(role, { notedOn: '2026-11-01', kind: 'other' });
      expect(res.status, role).toBe(403);
      expect(res.body.error.message).toContain('relapses.record');
    }
    const rows = await inClinic(t.database.db, t.clinicId, (tx) =>
      tx.selectFrom('audit_events').select(['action', 'detail']).where('entity', '=', 'relapse').execute(),
    );
    expect(rows.filter((r) => r.action === 'create')).toHaveLength(3);
    expect(rows.some((r) => r.action === 'read')).toBe(true);
    expect(JSON.stringify(rows)).not.toContain('wedding');
  });

  it('answers 404 for an unknown patient', async () => {
    const res = await call(t.app, {
      method: 'POST',
      url: '/api/patients/00000000-0000-4000-8000-000000000000/relapses',
      headers: await t.as('nurse'),
      payload: { notedOn: '2026-11-01', kind: 'other' },
    });
    expect(res.status).toBe(404);
  });
});

describe.each(backends)('relapse dates (%s)', (backend) => {
  let t: TestClinic;
  // 03:00 UTC on 21 November is still the 20th in the test clinic's Chicago.
  beforeAll(async () => {
    t = await startClinic(backend, { now: new Date('2026-11-21T03:00:00Z') });
  });
  afterAll(() => t.close());

  it('refuses a day after the clinic’s today, judged in the clinic’s time zone', async () => {
    const id = await newPatient(t);
    const record = async (notedOn: string) =>
      call<ErrorBody>(t.app, {
        method: 'POST',
        url: `/api/patients/${id}/relapses`,
        headers: await t.as('nurse'),
        payload: { notedOn, kind: 'depressive' },
      });
    const tomorrow = await record('2026-11-21');
    expect(tomorrow.status).toBe(400);
    expect(tomorrow.body.error.issues?.[0]?.path).toBe('notedOn');
    expect((await record('2026-11-20')).status).toBe(201);
  });
});

describe.each(backends)('relapses across clinics (%s)', (backend) => {
  let t: TestClinic;
  let other: Record<string, string>;
  let otherClinicId: string;
  beforeAll(async () => {
    t = await startClinic(backend);
    ({ clinicId: otherClinicId, headers: other } = await otherClinic(t, 'nurse'));
  });
  afterAll(() => t.close());

  it('never shows or takes one clinic’s relapses in another, by API or by SQL', async () => {
    const id = await newPatient(t);
    const url = `/api/patients/${id}/relapses`;
    const mine = await call<{ relapse: { id: string } }>(t.app, {
      method: 'POST',
      url,
      headers: await t.as('nurse'),
      payload: { notedOn: '2026-11-01', kind: 'depressive' },
    });
    expect(mine.status).toBe(201);
    expect((await call(t.app, { method: 'GET', url, headers: other })).status).toBe(404);
    const post = await call(t.app, {
      method: 'POST',
      url,
      headers: other,
      payload: { notedOn: '2026-11-01', kind: 'other' },
    });
    expect(post.status).toBe(404);
    // Row-level security, with no WHERE clause at all:
    const seen = await inClinic(t.database.db, otherClinicId, (tx) =>
      tx.selectFrom('relapses').select('id').execute(),
    );
    expect(seen).toEqual([]);
    const ours = await inClinic(t.database.db, t.clinicId, (tx) =>
      tx.selectFrom('relapses').select('id').execute(),
    );
    expect(ours.map((r) => r.id)).toEqual([mine.body.relapse.id]);
    const staff = await t.database.db
      .selectFrom('staff')
      .select('id')
      .where('email', '=', 'nurse@other.clinic')
      .executeTakeFirstOrThrow();
    await expect(
      inClinic(t.database.db, otherClinicId, (tx) =>
        tx
          .insertInto('relapses')
          .values({
            clinic_id: t.clinicId,
            patient_id: id,
            noted_on: '2026-11-01',
            kind: 'other',
            recorded_by: staff.id,
          })
          .execute(),
      ),
    ).rejects.toThrow();
  });
});
