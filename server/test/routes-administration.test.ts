import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends, call, otherClinic, scheduleInfusionFor, startClinic, type TestClinic } from './harness.ts';
import { stockClinic, type Entries, type ErrorBody } from './ledger-fixtures.ts';

interface Session {
  id: string;
  stage: string;
  startedAt: string | null;
  endedAt: string | null;
  totalDoseMg: number | null;
  doseOrder: { doseMg: number; drawVolumeMl: number } | null;
  prechecks: { complete: boolean; missing: string[] };
  infused: { mg: number; fraction: number };
  administrations: {
    doseMg: number;
    volumeMl: number | null;
    site: string | null;
    devices: number | null;
    nostril: string | null;
    administeredBy: { id: string; name: string };
  }[];
  vitalsDue: { watching: boolean; overdue: { vital: string; reason: string }[] };
  recoveryScores: { total: number }[];
  discharge: { scoreType: string; score: number } | null;
}
type One = { infusion: Session };

const MIN = 60_000;

describe.each(backends)('IM and intranasal sessions, start to discharge (%s)', (backend) => {
  let t: TestClinic;
  const iso = (minutes: number): string => new Date(t.clock.now.getTime() + minutes * MIN).toISOString();
  const post = async <T = One>(
    url: string,
    payload: object,
    role: 'nurse' | 'physician' | 'therapist' | 'front_desk' = 'nurse',
  ) => call<T>(t.app, { method: 'POST', url, headers: await t.as(role), payload });
  const staffId = async (role: 'nurse' | 'physician' | 'therapist') =>
    (
      await call<{ user: { id: string } }>(t.app, {
        method: 'GET',
        url: '/api/auth/me',
        headers: await t.as(role),
      })
    ).body.user.id;

  /** A patient on `protocolId`, the order, the checklist and a baseline: ready for the first dose. */
  async function ready(protocolId: string, weightKg: number, mgPerKg: number, bp = { sbp: 124, dbp: 78 }) {
    const { infusionId } = await scheduleInfusionFor(
      t,
      {
        givenName: 'Ana',
        familyName: `Route${protocolId}${weightKg}${mgPerKg}`,
        birthDate: '1984-03-03',
        indicationCode: 'F33.2',
        weightKg,
        address: '12 Oak Lane, Springfield',
      },
      protocolId,
    );
    const base = `/api/infusions/${infusionId}`;
    expect((await post(`${base}/dose-order`, { mgPerKg })).status).toBe(200);
    await post(`${base}/prechecks`, { consentSigned: true, fastingConfirmed: true, escortName: 'Kim' });
    await post(`${base}/vitals`, { takenAt: iso(-5), hr: 72, ...bp, spo2: 98, rr: 14 });
    return base;
  }

  beforeAll(async () => {
    t = await startClinic(backend);
  });
  afterAll(() => t.close());

  it('an IM session: no pump, one injection by the clinician chosen, recovery, PADSS discharge', async () => {
    // 0.5 mg/kg × 80 kg = 40 mg = 0.8 mL of 50 mg/mL.
    const base = await ready('im-kap', 80, 0.5);
    const pump = await post<ErrorBody>(`${base}/pump`, { kind: 'start' });
    expect(pump.status).toBe(409);
    expect(pump.body.error.code).toBe('wrong_route');

    const physicianId = await staffId('physician');
    const shot = await post(`${base}/administrations`, {
      at: iso(0),
      doseMg: 40,
      volumeMl: 0.8,
      site: 'deltoid',
      side: 'left',
      administeredBy: physicianId,
    });
    expect(shot.status).toBe(201);
    expect(shot.body.infusion).toMatchObject({
      stage: 'recovery',
      startedAt: iso(0),
      endedAt: iso(0),
      totalDoseMg: 40,
      infused: { mg: 40, fraction: 1 },
    });
    expect(shot.body.infusion.administrations).toEqual([
      expect.objectContaining({
        doseMg: 40,
        volumeMl: 0.8,
        site: 'deltoid',
        administeredBy: { id: physicianId, name: 'Test physician' },
      }),
    ]);
    // The order is given: nothing more can be charted.
    const more = await post<ErrorBody>(`${base}/administrations`, {
      doseMg: 5,
      volumeMl: 0.1,
      site: 'deltoid',
    });
    expect(more.status).toBe(409);

    // Phase 1: an Aldrete of 9 with oxygen still needed keeps the patient here.
    t.clock.now = new Date(t.clock.now.getTime() + 35 * MIN);
    const aldrete = { activity: 2, respiration: 2, circulation: 2, consciousness: 2, oxygenSaturation: 1 };
    expect((await post(`${base}/recovery-scores`, { scoreType: 'aldrete', items: aldrete })).status).toBe(
      201,
    );
    const padss = {
      vitalSigns: 2,
      activityMentalStatus: 2,
      painNauseaVomiting: 2,
      bleeding: 2,
      intakeOutput: 2,
    };
    const discharge = { scoreType: 'padss', items: padss, escortName: 'Kim', instructionsGiven: true };
    const onOxygen = await post<ErrorBody>(`${base}/discharge`, discharge);
    expect(onOxygen.status).toBe(422);
    expect(onOxygen.body.error.message).toMatch(/needs oxygen/);
    // An Aldrete alone never sends the patient home.
    const aldreteOnly = await post<ErrorBody>(`${base}/discharge`, {
      ...discharge,
      scoreType: 'aldrete',
      items: { ...aldrete, oxygenSaturation: 2 },
    });
    expect(aldreteOnly.status).toBe(422);
    expect(aldreteOnly.body.error.message).toMatch(/PADSS/);

    await post(`${base}/recovery-scores`, {
      scoreType: 'aldrete',
      items: { ...aldrete, oxygenSaturation: 2 },
    });
    const home = await post(`${base}/discharge`, discharge);
    expect(home.status).toBe(200);
    expect(home.body.infusion).toMatchObject({
      stage: 'discharged',
      discharge: { scoreType: 'padss', score: 10 },
    });
    expect(home.body.infusion.recoveryScores.map((r) => r.total)).toEqual([9, 10]);
  });

  it('an IM dose above what the site takes is refused and split between sites', async () => {
    // 2 mg/kg × 100 kg = 200 mg = 4 mL: more than a deltoid (2 mL) or a ventrogluteal site (3 mL) takes.
    const base = await ready('im-kap', 100, 2);
    const whole = await post<ErrorBody & { error: { details: { injections: number } } }>(
      `${base}/administrations`,
      {
        doseMg: 200,
        volumeMl: 4,
        site: 'deltoid',
      },
    );
    expect(whole.status).toBe(422);
    expect(whole.body.error.code).toBe('volume_above_site_limit');
    expect(whole.body.error.message).toMatch(/split the dose into 2 injections/);
    const unchanged = await call<One>(t.app, { method: 'GET', url: base, headers: await t.as('nurse') });
    expect(unchanged.body.infusion).toMatchObject({ stage: 'precheck', administrations: [] });

    // A volume that does not match its dose is refused too.
    const mismatch = await post<ErrorBody>(`${base}/administrations`, {
      doseMg: 100,
      volumeMl: 1,
      site: 'deltoid',
    });
    expect(mismatch.body.error.code).toBe('volume_dose_mismatch');

    const left = await post(`${base}/administrations`, {
      doseMg: 100,
      volumeMl: 2,
      site: 'deltoid',
      side: 'left',
    });
    expect(left.status).toBe(201);
    expect(left.body.infusion).toMatchObject({ stage: 'infusing', infused: { mg: 100, fraction: 0.5 } });
    // Above what is left of the order: refused.
    const over = await post<ErrorBody>(`${base}/administrations`, {
      doseMg: 150,
      volumeMl: 3,
      site: 'ventrogluteal',
    });
    expect(over.body.error.code).toBe('dose_above_order');
    const right = await post(`${base}/administrations`, {
      doseMg: 100,
      volumeMl: 2,
      site: 'deltoid',
      side: 'right',
    });
    expect(right.body.infusion).toMatchObject({ stage: 'recovery', totalDoseMg: 200 });
    expect(right.body.infusion.administrations).toHaveLength(2);
  });

  it('an intranasal session: devices by nostril, a BP due 40 min after the dose, stopping short with final', async () => {
    // 0.7 mg/kg × 70 kg = 49 mg of 100 mg/mL.
    const base = await ready('intranasal', 70, 0.7);
    const start = t.clock.now;
    const first = await post(`${base}/administrations`, { doseMg: 20, devices: 2, nostril: 'both' });
    expect(first.status).toBe(201);
    expect(first.body.infusion.stage).toBe('infusing');
    const site = await post<ErrorBody>(`${base}/administrations`, {
      doseMg: 10,
      devices: 1,
      nostril: 'left',
      site: 'deltoid',
    });
    expect(site.status).toBe(400);
    t.clock.now = new Date(start.getTime() + 5 * MIN);
    const last = await post(`${base}/administrations`, {
      doseMg: 20,
      devices: 2,
      nostril: 'both',
      final: true,
    });
    expect(last.body.infusion).toMatchObject({ stage: 'recovery', totalDoseMg: 40 });
    // Readings every 10 min to 30 min after the first dose; at 49 min the 40-min BP after each dose is missing.
    t.clock.now = new Date(start.getTime() + 49 * MIN);
    for (const m of [-39, -29, -19]) {
      await post(`${base}/vitals`, { takenAt: iso(m), hr: 80, sbp: 132, dbp: 84, spo2: 97 });
    }
    const view = await call<One>(t.app, { method: 'GET', url: base, headers: await t.as('nurse') });
    expect(view.body.infusion.vitalsDue.overdue.filter((o) => o.reason === 'after_dose')).toHaveLength(2);
    // A BP now answers both.
    const bp = await post(`${base}/vitals`, { hr: 78, sbp: 128, dbp: 80, spo2: 98 });
    expect(bp.body.infusion.vitalsDue.overdue).toEqual([]);
  });

  it('refuses the wrong role, an unknown or unqualified clinician, and another clinic', async () => {
    const base = await ready('im-kap', 80, 0.5);
    const dose = { doseMg: 40, volumeMl: 0.8, site: 'deltoid' };
    expect((await post(`${base}/administrations`, dose, 'front_desk')).status).toBe(403);
    expect((await post(`${base}/administrations`, dose, 'therapist')).status).toBe(403);
    const therapistId = await staffId('therapist');
    const unqualified = await post<ErrorBody>(`${base}/administrations`, {
      ...dose,
      administeredBy: therapistId,
    });
    expect(unqualified.status).toBe(422);
    expect(unqualified.body.error.code).toBe('administrator_not_allowed');
    const other = await otherClinic(t, 'nurse');
    const otherNurse = await call<{ user: { id: string } }>(t.app, {
      method: 'GET',
      url: '/api/auth/me',
      headers: other.headers,
    });
    const foreign = await post<ErrorBody>(`${base}/administrations`, {
      ...dose,
      administeredBy: otherNurse.body.user.id,
    });
    expect(foreign.body.error.code).toBe('administrator_not_allowed');
    const cross = await call(t.app, {
      method: 'POST',
      url: `${base}/administrations`,
      headers: other.headers,
      payload: dose,
    });
    expect(cross.status).toBe(404);
    expect((await post(`${base}/administrations`, { ...dose, doseMg: -1 })).status).toBe(400);
    expect((await post(`${base}/administrations`, { ...dose, at: iso(10) })).status).toBe(400);
    const fine = await call<One>(t.app, { method: 'GET', url: base, headers: await t.as('nurse') });
    expect(fine.body.infusion).toMatchObject({ stage: 'precheck', administrations: [] });
    // An IV session has no hand-given doses.
    const iv = await ready('iv-depression', 70, 0.5);
    const wrong = await post<ErrorBody>(`${iv}/administrations`, dose);
    expect(wrong.body.error.code).toBe('wrong_route');
  });

  it('lists who may give a dose: the clinic’s active physicians and nurses', async () => {
    await staffId('therapist');
    const res = await call<{ clinicians: { name: string; role: string }[] }>(t.app, {
      method: 'GET',
      url: '/api/infusions/clinicians',
      headers: await t.as('nurse'),
    });
    expect(res.status).toBe(200);
    expect(res.body.clinicians.map((c) => c.role).sort()).toEqual(['nurse', 'physician']);
  });
});

describe.each(backends)('the ledger record of a hand-given dose (%s)', (backend) => {
  let t: TestClinic;
  beforeAll(async () => {
    t = await startClinic(backend);
  });
  afterAll(() => t.close());

  it('needs the patient’s address before the first dose, then records the dose, the giver and the address', async () => {
    const { containerIds } = await stockClinic(t, 1);
    const nurse = await t.as('nurse');
    const { infusionId, patientId } = await scheduleInfusionFor(
      t,
      {
        givenName: 'Noor',
        familyName: 'Haddad',
        birthDate: '1990-01-01',
        indicationCode: 'F33.2',
        weightKg: 80,
      },
      'im-kap',
    );
    const base = `/api/infusions/${infusionId}`;
    const post = <T = One>(url: string, payload: object, headers = nurse) =>
      call<T>(t.app, { method: 'POST', url, headers, payload });
    await post(`${base}/dose-order`, { mgPerKg: 0.5 });
    await post(`${base}/prechecks`, { consentSigned: true, fastingConfirmed: true, escortName: 'Kim' });
    const baseline = await post(`${base}/vitals`, { hr: 70, sbp: 120, dbp: 76, spo2: 98 });
    expect(baseline.body.infusion.prechecks.missing).toEqual([
      'Patient’s address on file (for the controlled-substance record)',
    ]);
    await post('/api/ledger/draws', { infusionId, containerId: containerIds[0], volumeMl: 0.8 });
    const blocked = await post<ErrorBody>(`${base}/administrations`, {
      doseMg: 40,
      volumeMl: 0.8,
      site: 'deltoid',
    });
    expect(blocked.status).toBe(409);
    expect(blocked.body.error.code).toBe('prechecks_incomplete');

    const patch = await call(t.app, {
      method: 'PATCH',
      url: `/api/patients/${patientId}`,
      headers: nurse,
      payload: { address: '7 Birch Road, Springfield' },
    });
    expect(patch.status).toBe(200);
    const physician = await call<{ user: { id: string } }>(t.app, {
      method: 'GET',
      url: '/api/auth/me',
      headers: await t.as('physician'),
    });
    const given = await post(`${base}/administrations`, {
      doseMg: 40,
      volumeMl: 0.8,
      site: 'vastus_lateralis',
      administeredBy: physician.body.user.id,
    });
    expect(given.status).toBe(201);
    const entries = await call<Entries & { entries: { kind: string; details: Record<string, unknown> }[] }>(
      t.app,
      {
        method: 'GET',
        url: '/api/ledger/entries',
        headers: nurse,
      },
    );
    const administered = entries.body.entries.filter((e) => e.kind === 'administer');
    expect(administered).toHaveLength(1);
    expect(administered[0]).toMatchObject({
      quantityUg: 40_000,
      actorName: 'Test physician',
      details: { source: 'injection', patientAddress: '7 Birch Road, Springfield' },
    });
  });
});
