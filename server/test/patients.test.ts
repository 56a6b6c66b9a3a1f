import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { backends, call, otherClinic, startClinic, type TestClinic } from './harness.ts';

const maya = {
  givenName: 'Maya',
  familyName: 'Okafor',
  birthDate: '1988-04-12',
  sex: 'female',
  indicationCode: 'f33.2',
  allergies: ['Penicillin'],
  weightKg: 68.4,
};

interface Chart {
  id: string;
  mrn: string;
  ageYears: number;
  indicationCode: string;
  weights: { kg: number; measuredOn: string }[];
  heights: { cm: number; measuredOn: string }[];
  bmi: number | null;
  medications: { id: string; name: string; stoppedOn: string | null }[];
  flags: { code: string; acknowledged: unknown }[];
}

describe.each(backends)('patients (%s)', (backend) => {
  let t: TestClinic;
  beforeAll(async () => {
    t = await startClinic(backend);
  });
  afterAll(() => t.close());

  const create = async (body: object = maya) =>
    call<{ patient: Chart }>(t.app, {
      method: 'POST',
      url: '/api/patients',
      headers: await t.as('nurse'),
      payload: body,
    });

  it('creates a patient with a clinic MRN, a dated weight and a normalised ICD-10-CM code', async () => {
    const { status, body } = await create();
    expect(status).toBe(201);
    expect(body.patient.mrn).toMatch(/^K\d+$/);
    expect(body.patient.indicationCode).toBe('F33.2');
    expect(body.patient.ageYears).toBe(38);
    expect(body.patient.weights).toEqual([{ kg: 68.4, measuredOn: '2026-11-20' }]);
  });

  it('gives patients registered at the same moment different MRNs', async () => {
    const made = await Promise.all(
      ['Ada', 'Ben', 'Cai', 'Dee'].map((givenName) =>
        create({ ...maya, givenName, familyName: 'Same-Time' }),
      ),
    );
    expect(made.map((m) => m.status)).toEqual([201, 201, 201, 201]);
    expect(new Set(made.map((m) => m.body.patient.mrn)).size).toBe(4);
  });

  it('finds patients by name or MRN', async () => {
    const { body } = await create({ ...maya, givenName: 'Daniel', familyName: 'Reyes' });
    const headers = await t.as('front_desk');
    const byName = await call<{ patients: { id: string }[] }>(t.app, {
      method: 'GET',
      url: '/api/patients?q=reyes',
      headers,
    });
    expect(byName.body.patients.map((p) => p.id)).toEqual([body.patient.id]);
    const byMrn = await call<{ patients: { id: string }[] }>(t.app, {
      method: 'GET',
      url: `/api/patients?q=${body.patient.mrn}`,
      headers,
    });
    expect(byMrn.body.patients.map((p) => p.id)).toEqual([body.patient.id]);
  });

  it('rejects bad input with a clear 400 and writes nothing', async () => {
    const count = async () =>
      Number(
        (await sql<{ n: number }>`select count(*)::int as n from patients`.execute(t.database.db)).rows[0]?.n,
      );
    const before = await count();
    for (const bad of [
      { ...maya, weightKg: -3 },
      { ...maya, indicationCode: 'depression' },
      { ...maya, birthDate: '12/04/1988' },
      { ...maya, givenName: '' },
    ]) {
      const res = await create(bad);
      expect(res.status).toBe(400);
    }
    expect(await count()).toBe(before);
    const unknown = await call(t.app, {
      method: 'GET',
      url: '/api/patients/00000000-0000-4000-8000-000000000000',
      headers: await t.as('nurse'),
    });
    expect(unknown.status).toBe(404);
    const notUuid = await call(t.app, {
      method: 'GET',
      url: '/api/patients/abc',
      headers: await t.as('nurse'),
    });
    expect(notUuid.status).toBe(400);
  });

  it('keeps a weight history and refuses an impossible weight', async () => {
    const { body } = await create();
    const headers = await t.as('nurse');
    const added = await call<{ patient: Chart }>(t.app, {
      method: 'POST',
      url: `/api/patients/${body.patient.id}/weights`,
      headers,
      payload: { kg: 67.1, measuredOn: '2026-11-19' },
    });
    expect(added.status).toBe(201);
    expect(added.body.patient.weights.map((w) => w.kg)).toEqual([68.4, 67.1]);
    const negative = await call(t.app, {
      method: 'POST',
      url: `/api/patients/${body.patient.id}/weights`,
      headers,
      payload: { kg: -1, measuredOn: '2026-11-19' },
    });
    expect(negative.status).toBe(400);
  });

  it('records height in cm with its date and shows BMI from the latest weight and height', async () => {
    const { body } = await create();
    expect(body.patient).toMatchObject({ heights: [], bmi: null });
    const url = `/api/patients/${body.patient.id}/heights`;
    const post = async (
      payload: object,
      role: 'nurse' | 'therapist' = 'nurse',
      headers?: Record<string, string>,
    ) =>
      call<{ patient: Chart; error: { code: string } }>(t.app, {
        method: 'POST',
        url,
        headers: headers ?? (await t.as(role)),
        payload,
      });
    const added = await post({ cm: 165, measuredOn: '2026-11-18' });
    expect(added.status).toBe(201);
    // 68.4 kg / 1.65² = 25.1 kg/m².
    expect(added.body.patient).toMatchObject({ heights: [{ cm: 165, measuredOn: '2026-11-18' }], bmi: 25.1 });
    const count = async () =>
      (await sql<{ n: number }>`select count(*)::int as n from patient_heights`.execute(t.database.db))
        .rows[0]?.n;
    const before = await count();
    expect((await post({ cm: 20, measuredOn: '2026-11-18' })).status).toBe(400);
    expect((await post({ cm: 400, measuredOn: '2026-11-18' })).status).toBe(400);
    expect((await post({ cm: 165, measuredOn: '2026-11-21' })).status).toBe(400); // tomorrow
    expect((await post({ cm: 165, measuredOn: '18/11/2026' })).status).toBe(400);
    expect((await post({ cm: 165, measuredOn: '2026-11-18' }, 'therapist')).status).toBe(403);
    const other = await otherClinic(t, 'nurse');
    expect((await post({ cm: 165, measuredOn: '2026-11-18' }, 'nurse', other.headers)).status).toBe(404);
    expect(await count()).toBe(before);
    const audited = await sql<{ entity: string }>`
      select entity from audit_events where patient_id = ${body.patient.id} and entity = 'height'`.execute(
      t.database.db,
    );
    expect(audited.rows).toHaveLength(1);
  });

  it('flags naltrexone from the home medications; only a physician acknowledges it', async () => {
    const { body } = await create();
    const nurse = await t.as('nurse');
    const withMed = await call<{ patient: Chart }>(t.app, {
      method: 'POST',
      url: `/api/patients/${body.patient.id}/medications`,
      headers: nurse,
      payload: { name: 'Vivitrol', doseText: '380 mg IM monthly' },
    });
    expect(withMed.status).toBe(201);
    const flag = withMed.body.patient.flags.find((f) => f.code === 'opioid_antagonist');
    expect(flag).toMatchObject({ acknowledged: null });
    const byNurse = await call(t.app, {
      method: 'POST',
      url: `/api/patients/${body.patient.id}/flags/opioid_antagonist/acknowledge`,
      headers: nurse,
      payload: {},
    });
    expect(byNurse.status).toBe(403);
    const byDoctor = await call<{ patient: Chart }>(t.app, {
      method: 'POST',
      url: `/api/patients/${body.patient.id}/flags/opioid_antagonist/acknowledge`,
      headers: await t.as('physician'),
      payload: { note: 'Discussed; patient pausing naltrexone' },
    });
    expect(byDoctor.status).toBe(200);
    expect(
      byDoctor.body.patient.flags.find((f) => f.code === 'opioid_antagonist')?.acknowledged,
    ).toMatchObject({ note: 'Discussed; patient pausing naltrexone' });
    // Stopping the medication clears the flag.
    const med = withMed.body.patient.medications[0];
    const stopped = await call<{ patient: Chart }>(t.app, {
      method: 'POST',
      url: `/api/patients/${body.patient.id}/medications/${med?.id}/stop`,
      headers: nurse,
    });
    expect(stopped.body.patient.flags.some((f) => f.code === 'opioid_antagonist')).toBe(false);
  });

  it('edits only the fields sent: allergies, sex and conditions survive a partial update', async () => {
    const { body } = await create({ ...maya, conditions: { hypertension: 'controlled' } });
    const res = await call<{
      patient: Chart & {
        phone: string;
        sex: string;
        allergies: string[];
        conditions: { hypertension: string };
      };
    }>(t.app, {
      method: 'PATCH',
      url: `/api/patients/${body.patient.id}`,
      headers: await t.as('front_desk'),
      payload: { phone: '(555) 010-0199' },
    });
    expect(res.status).toBe(200);
    expect(res.body.patient).toMatchObject({
      phone: '(555) 010-0199',
      sex: 'female',
      allergies: ['Penicillin'],
      conditions: { hypertension: 'controlled' },
    });
    const bad = await call(t.app, {
      method: 'PATCH',
      url: `/api/patients/${body.patient.id}`,
      headers: await t.as('front_desk'),
      payload: { birthDate: 'yesterday' },
    });
    expect(bad.status).toBe(400);
  });

  it('audits every read and write of patient data', async () => {
    const { body } = await create();
    await call(t.app, {
      method: 'GET',
      url: `/api/patients/${body.patient.id}`,
      headers: await t.as('therapist'),
    });
    const rows = await sql<{
      action: string;
    }>`select action from audit_events where patient_id = ${body.patient.id} order by id`.execute(
      t.database.db,
    );
    expect(rows.rows.map((r) => r.action)).toEqual(['create', 'read']);
    await expect(sql`update audit_events set action = 'x'`.execute(t.database.db)).rejects.toThrow(
      /append-only/,
    );
  });
});
