import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { ivDepression } from '@openkap/domain';
import { backends, call, otherClinic, startClinic, type TestClinic } from './harness.ts';

// Issue 10 "Bedside safety", screening: the label contraindications from the medical history, the
// recent-event window, and benzodiazepines of unknown dose, through the API on both databases.

interface Flag {
  code: string;
  severity: string;
  title: string;
  reason: string;
  source: string;
  medicationName?: string;
  acknowledged: { note: string | null } | null;
}
interface Chart {
  id: string;
  conditions: Record<string, unknown>;
  flags: Flag[];
}

const patient = {
  givenName: 'Ines',
  familyName: 'Halvorsen',
  birthDate: '1979-06-30',
  sex: 'female',
  indicationCode: 'F33.2',
};

describe.each(backends)('screening from the medical history (%s)', (backend) => {
  let t: TestClinic;
  const start = new Date('2026-11-20T15:00:00Z'); // 09:00 on 20 November in the clinic (Chicago).
  beforeAll(async () => {
    t = await startClinic(backend, { now: start });
  });
  afterAll(() => t.close());

  const create = async (conditions: object) =>
    call<{ patient: Chart; error?: { issues: { path: string }[] } }>(t.app, {
      method: 'POST',
      url: '/api/patients',
      headers: await t.as('nurse'),
      payload: { ...patient, conditions },
    });
  const chart = async (id: string) =>
    (
      await call<{ patient: Chart }>(t.app, {
        method: 'GET',
        url: `/api/patients/${id}`,
        headers: await t.as('nurse'),
      })
    ).body.patient;
  const count = async (table: 'patients' | 'flag_acknowledgements') =>
    Number(
      (await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)}`.execute(t.database.db))
        .rows[0]?.n,
    );

  it('flags each label contraindication in the history, with its severity and source', async () => {
    const { status, body } = await create({
      aneurysmOrAvm: true,
      intracerebralHemorrhageHistory: true,
      hyperthyroidismUntreated: true,
      raisedIntracranialPressure: true,
      raisedIntraocularPressure: true,
      hepaticImpairment: 'severe',
      pregnant: true,
      preEclampsia: true,
    });
    expect(status).toBe(201);
    expect(body.patient.conditions).toMatchObject({ aneurysmOrAvm: true, hepaticImpairment: 'severe' });
    const bySeverity = (severity: string) =>
      body.patient.flags.filter((f) => f.severity === severity).map((f) => f.code);
    expect(bySeverity('contraindication')).toEqual([
      'aneurysm_or_avm',
      'intracerebral_hemorrhage',
      'untreated_hyperthyroidism',
      'raised_intracranial_pressure',
      'pre_eclampsia',
    ]);
    expect(bySeverity('relative_contraindication')).toEqual([
      'pregnancy',
      'raised_intraocular_pressure',
      'severe_hepatic_impairment',
    ]);
    // Contraindications come first, and every flag names its source.
    expect(body.patient.flags[0]?.severity).toBe('contraindication');
    expect(body.patient.flags.every((f) => /https?:\/\//.test(f.source))).toBe(true);
  });

  it('needs a physician, and a note, to acknowledge a contraindication', async () => {
    const { body } = await create({ aneurysmOrAvm: true, hepaticImpairment: 'moderate' });
    const url = (code: string) => `/api/patients/${body.patient.id}/flags/${code}/acknowledge`;
    const before = await count('flag_acknowledgements');
    const byNurse = await call(t.app, {
      method: 'POST',
      url: url('aneurysm_or_avm'),
      headers: await t.as('nurse'),
      payload: { note: 'Seen' },
    });
    expect(byNurse.status).toBe(403);
    const physician = await t.as('physician');
    for (const payload of [{}, { note: '   ' }]) {
      const noNote = await call<{ error: { issues: { path: string }[] } }>(t.app, {
        method: 'POST',
        url: url('aneurysm_or_avm'),
        headers: physician,
        payload,
      });
      expect(noNote.status).toBe(400);
      expect(noNote.body.error.issues[0]?.path).toBe('note');
    }
    expect(await count('flag_acknowledgements')).toBe(before);
    const withNote = await call<{ patient: Chart }>(t.app, {
      method: 'POST',
      url: url('aneurysm_or_avm'),
      headers: physician,
      payload: { note: 'Small stable AAA, vascular surgeon agrees; BP limits tightened' },
    });
    expect(withNote.status).toBe(200);
    expect(withNote.body.patient.flags.find((f) => f.code === 'aneurysm_or_avm')?.acknowledged).toMatchObject(
      {
        note: 'Small stable AAA, vascular surgeon agrees; BP limits tightened',
      },
    );
    // A caution still needs no note.
    const caution = await call(t.app, {
      method: 'POST',
      url: url('moderate_hepatic_impairment'),
      headers: physician,
      payload: {},
    });
    expect(caution.status).toBe(200);
    // Another clinic's physician cannot see the flag at all.
    const other = await otherClinic(t, 'physician');
    const foreign = await call(t.app, {
      method: 'POST',
      url: url('aneurysm_or_avm'),
      headers: other.headers,
      payload: { note: 'x' },
    });
    expect(foreign.status).toBe(404);
  });

  it('judges a stroke or infarction against the clinic’s today and the 6-week default window', async () => {
    // 42 days before 20 November is 9 October.
    const { body } = await create({ myocardialInfarctionOn: '2026-10-09', strokeOn: '2019-05' });
    expect(body.patient.flags.map((f) => [f.code, f.severity])).toEqual([
      ['recent_myocardial_infarction', 'contraindication'],
      ['stroke_history', 'relative_contraindication'],
    ]);
    expect(body.patient.flags[0]?.reason).toContain("within the protocol's 42-day window");
    try {
      // 05:30 UTC on the 21st is still the 20th in Chicago: the clinic's day decides.
      t.clock.now = new Date('2026-11-21T05:30:00Z');
      const readAs = await t.as('therapist'); // a session signed in at this hour
      const codesNow = async () =>
        (
          await call<{ patient: Chart }>(t.app, {
            method: 'GET',
            url: `/api/patients/${body.patient.id}`,
            headers: readAs,
          })
        ).body.patient.flags.map((f) => f.code);
      expect(await codesNow()).toEqual(['recent_myocardial_infarction', 'stroke_history']);
      t.clock.now = new Date('2026-11-21T06:30:00Z');
      expect(await codesNow()).toEqual(['stroke_history', 'myocardial_infarction_history']);
    } finally {
      t.clock.now = start;
    }
  });

  it('uses the window of the patient’s protocol once a plan starts', async () => {
    const { body } = await create({ myocardialInfarctionOn: '2026-08-01' });
    expect(body.patient.flags.map((f) => f.code)).toEqual(['myocardial_infarction_history']);
    const physician = await t.as('physician');
    const badWindow = await call(t.app, {
      method: 'PUT',
      url: '/api/protocols/iv-depression',
      headers: physician,
      payload: { ...ivDepression, screening: { recentEventWindowDays: 0 } },
    });
    expect(badWindow.status).toBe(400);
    const saved = await call(t.app, {
      method: 'PUT',
      url: '/api/protocols/iv-depression',
      headers: physician,
      payload: { ...ivDepression, screening: { recentEventWindowDays: 180 } },
    });
    expect(saved.status).toBe(200);
    const planned = await call<{ patient: Chart }>(t.app, {
      method: 'POST',
      url: `/api/patients/${body.patient.id}/plan`,
      headers: physician,
      payload: { protocolId: 'iv-depression' },
    });
    expect(planned.status).toBe(201);
    const flag = planned.body.patient.flags.find((f) => f.code === 'recent_myocardial_infarction');
    expect(flag?.reason).toContain('180-day window');
  });

  it('refuses a badly written or future event date with a clear 400 and writes nothing', async () => {
    const before = await count('patients');
    for (const conditions of [
      { strokeOn: '2026-11-21' },
      { myocardialInfarctionOn: '2026-12' },
      { strokeOn: '14/03/2025' },
      { strokeOn: '2025-02-30' },
      { hepaticImpairment: 'child-pugh c' },
    ]) {
      const res = await create(conditions);
      expect(res.status, JSON.stringify(conditions)).toBe(400);
      expect(res.body.error?.issues[0]?.path).toBe(`conditions.${Object.keys(conditions)[0]}`);
    }
    expect(await count('patients')).toBe(before);
    // Today itself, and the current month, are fine.
    expect((await create({ strokeOn: '2026-11-20' })).status).toBe(201);
    const { body } = await create({ myocardialInfarctionOn: '2026-11' });
    const patch = await call(t.app, {
      method: 'PATCH',
      url: `/api/patients/${body.patient.id}`,
      headers: await t.as('nurse'),
      payload: { conditions: { strokeOn: '2027-01-01' } },
    });
    expect(patch.status).toBe(400);
    expect((await chart(body.patient.id)).conditions).toMatchObject({
      myocardialInfarctionOn: '2026-11',
      strokeOn: null,
    });
  });

  it('flags a benzodiazepine of unknown dose and linezolid from the medication list', async () => {
    const { body } = await create({});
    const nurse = await t.as('nurse');
    const add = (payload: object) =>
      call<{ patient: Chart }>(t.app, {
        method: 'POST',
        url: `/api/patients/${body.patient.id}/medications`,
        headers: nurse,
        payload,
      });
    await add({ name: 'Etizolam', doseMg: 0.5, timesPerDay: 2 });
    await add({ name: 'Ativan', doseText: 'as needed' });
    const { patient: withMeds } = (await add({ name: 'Zyvox 600 mg', doseMg: 600, timesPerDay: 2 })).body;
    const codes = withMeds.flags.map((f) => f.code);
    expect(codes).toEqual(
      expect.arrayContaining([
        'benzodiazepine',
        'benzodiazepine_high_dose',
        'benzodiazepine_dose_unknown',
        'maoi',
      ]),
    );
    const unknown = withMeds.flags.find((f) => f.code === 'benzodiazepine_dose_unknown');
    expect(unknown).toMatchObject({ medicationName: 'Ativan', severity: 'caution' });
    expect(unknown?.reason).toContain('Dose unknown: diazepam-equivalent not computed for Ativan');
    expect(withMeds.flags.find((f) => f.code === 'benzodiazepine_high_dose')?.reason).toContain(
      'About 10 mg diazepam-equivalent a day from Etizolam, Ativan (not counting Ativan: dose unknown)',
    );
  });
});
