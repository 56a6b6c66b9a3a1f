import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { backends, call, startClinic, type TestClinic } from './harness.ts';

interface Infusion {
  id: string;
  stage: string;
  seriesLabel: string;
  prechecks: { complete: boolean; missing: string[] };
  doseOrder: { doseMg: number; drawVolumeMl: number; rateMlPerHour: number; totalVolumeMl: number } | null;
  alerts: {
    id: string;
    code: string;
    vital: string;
    clearedAt: string | null;
    acknowledgedAt: string | null;
  }[];
  vitals: { hr: number | null; sbp: number | null }[];
  totalDoseMg: number | null;
  discharge: { score: number; escortName: string } | null;
}

const at = (base: Date, minutes: number): string => new Date(base.getTime() + minutes * 60_000).toISOString();

describe.each(backends)('the infusion day (%s)', (backend) => {
  let t: TestClinic;
  let patientId: string;
  let chairId: string;
  beforeAll(async () => {
    t = await startClinic(backend);
    const nurse = await t.as('nurse');
    const p = await call<{ patient: { id: string } }>(t.app, {
      method: 'POST',
      url: '/api/patients',
      headers: nurse,
      payload: {
        givenName: 'Maya',
        familyName: 'Okafor',
        birthDate: '1988-04-12',
        indicationCode: 'F33.2',
        weightKg: 70,
      },
    });
    patientId = p.body.patient.id;
    chairId = (
      await t.database.db
        .insertInto('chairs')
        .values({ clinic_id: t.clinicId, name: 'Chair 1' })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  });
  afterAll(() => t.close());

  const post = async <T = { infusion: Infusion }>(
    url: string,
    payload?: object,
    role: 'nurse' | 'physician' | 'front_desk' = 'nurse',
  ) => call<T>(t.app, { method: 'POST', url, headers: await t.as(role), ...(payload ? { payload } : {}) });

  it('needs a treatment plan before an infusion is scheduled', async () => {
    expect((await post('/api/infusions', { patientId })).status).toBe(409);
    expect(
      (await post(`/api/patients/${patientId}/plan`, { protocolId: 'iv-depression' }, 'physician')).status,
    ).toBe(201);
  });

  it('runs pre-checks → dose order (hard stop above the maximum) → infusion → alert → recovery → discharge', async () => {
    const start = t.clock.now;
    const created = await post('/api/infusions', { patientId, chairId });
    expect(created.status).toBe(201);
    const id = created.body.infusion.id;
    expect(created.body.infusion).toMatchObject({ stage: 'precheck', seriesLabel: 'Infusion 1 of 6' });

    // Starting before pre-checks and an order is refused and changes nothing.
    expect((await post(`/api/infusions/${id}/pump`, { kind: 'start' })).status).toBe(409);

    // Dose: 0.5 mg/kg × 70 kg = 35 mg = 3.5 mL of 10 mg/mL in 100 mL → 103.5 mL over 40 min = 155.3 mL/h.
    const above = await post<{ error: { code: string } }>(`/api/infusions/${id}/dose-order`, {
      mgPerKg: 0.9,
    });
    expect(above.status).toBe(422);
    expect(above.body.error.code).toBe('dose_above_maximum');
    const order = await post(`/api/infusions/${id}/dose-order`, { mgPerKg: 0.5 });
    expect(order.status).toBe(200);
    expect(order.body.infusion.doseOrder).toMatchObject({
      doseMg: 35,
      drawVolumeMl: 3.5,
      totalVolumeMl: 103.5,
      rateMlPerHour: 155.3,
    });

    await post(`/api/infusions/${id}/prechecks`, {
      consentSigned: true,
      fastingConfirmed: true,
      escortName: 'Sam Okafor',
    });
    const noBaseline = await post<{ error: { message: string } }>(`/api/infusions/${id}/pump`, {
      kind: 'start',
    });
    expect(noBaseline.status).toBe(409);
    expect(noBaseline.body.error.message).toMatch(/baseline/i);
    await post(`/api/infusions/${id}/vitals`, {
      takenAt: at(start, -5),
      hr: 72,
      sbp: 124,
      dbp: 78,
      spo2: 98,
      rr: 14,
    });
    const started = await post(`/api/infusions/${id}/pump`, { kind: 'start', at: at(start, 0) });
    expect(started.status).toBe(200);
    expect(started.body.infusion.stage).toBe('infusing');

    // A blood pressure above 180 systolic raises an alert at once; impossible values are refused.
    t.clock.now = new Date(start.getTime() + 20 * 60_000);
    expect((await post(`/api/infusions/${id}/vitals`, { hr: -4 })).status).toBeGreaterThanOrEqual(400);
    expect((await post(`/api/infusions/${id}/vitals`, { spo2: 101 })).status).toBeGreaterThanOrEqual(400);
    const high = await post(`/api/infusions/${id}/vitals`, {
      takenAt: at(start, 20),
      hr: 96,
      sbp: 186,
      dbp: 104,
      spo2: 97,
    });
    expect(high.status).toBe(201);
    const alert = high.body.infusion.alerts.find((a) => a.vital === 'sbp' || a.code.includes('sbp'));
    expect(alert).toBeDefined();
    expect(alert?.clearedAt).toBeNull();
    const ack = await post(
      `/api/infusions/${id}/alerts/${alert?.id}/acknowledge`,
      { note: 'Labetalol 10 mg IV given' },
      'physician',
    );
    expect(ack.body.infusion.alerts.find((a) => a.id === alert?.id)?.acknowledgedAt).not.toBeNull();
    await post(
      `/api/infusions/${id}/interventions`,
      { code: 'labetalol', doseText: '10 mg IV' },
      'physician',
    );
    await post(`/api/infusions/${id}/side-effects`, { code: 'nausea', severity: 'mild' });
    expect(
      (await post(`/api/infusions/${id}/side-effects`, { code: 'made-up', severity: 'mild' })).status,
    ).toBe(400);
    const settled = await post(`/api/infusions/${id}/vitals`, { takenAt: at(start, 25), sbp: 150, dbp: 88 });
    expect(settled.body.infusion.alerts.find((a) => a.id === alert?.id)?.clearedAt).not.toBeNull();

    // Stop at 40 min: the whole order was given.
    t.clock.now = new Date(start.getTime() + 41 * 60_000);
    const stopped = await post(`/api/infusions/${id}/pump`, { kind: 'stop', at: at(start, 40) });
    expect(stopped.body.infusion.totalDoseMg).toBeCloseTo(35, 1);
    // Stopping moves the patient to recovery, whatever the reason.
    expect(stopped.body.infusion.stage).toBe('recovery');

    const fit = {
      vitalSigns: 2,
      activityMentalStatus: 2,
      painNauseaVomiting: 1,
      bleeding: 2,
      intakeOutput: 2,
    };
    const discharge = (items: object, escortName = 'Sam Okafor') =>
      post<{ infusion: Infusion; error: { code: string; message: string } }>(
        `/api/infusions/${id}/discharge`,
        { scoreType: 'padss', items, escortName, instructionsGiven: true },
      );
    // Too early: 10 min of observation of the 30 required.
    t.clock.now = new Date(start.getTime() + 50 * 60_000);
    const early = await discharge(fit);
    expect(early.status).toBe(422);
    expect(early.body.error.message).toMatch(/Observed for 10 of 30 min/);
    t.clock.now = new Date(start.getTime() + 75 * 60_000);
    const low = await discharge({ ...fit, activityMentalStatus: 1 });
    expect(low.status).toBe(422);
    expect(low.body.error.message).toMatch(/score 8/);
    expect((await discharge({ vitalSigns: 2 })).status).toBe(400);
    expect((await discharge(fit, '')).status).toBe(400);
    const done = await discharge(fit);
    expect(done.status).toBe(200);
    expect(done.body.infusion).toMatchObject({
      stage: 'discharged',
      discharge: { score: 9, escortName: 'Sam Okafor' },
    });
    // A closed session takes no more charting.
    expect((await post(`/api/infusions/${id}/vitals`, { hr: 70 })).status).toBe(409);
  });

  it('alert rules look back two hours: a back-charted reading from 3 h ago opens no live alert', async () => {
    const second = await post('/api/infusions', { patientId });
    const old = new Date(t.clock.now.getTime() - 3 * 3600_000).toISOString();
    const res = await post(`/api/infusions/${second.body.infusion.id}/vitals`, { takenAt: old, spo2: 85 });
    expect(res.status).toBe(201);
    expect(res.body.infusion.alerts).toEqual([]);
    const recent = await post(`/api/infusions/${second.body.infusion.id}/vitals`, { spo2: 85 });
    expect(recent.body.infusion.alerts.map((a) => a.code)).toEqual(['spo2_low']);
  });

  it('refuses an unknown session, and a refused reading writes nothing', async () => {
    expect(
      (
        await call(t.app, {
          method: 'GET',
          url: '/api/infusions/00000000-0000-4000-8000-000000000000',
          headers: await t.as('nurse'),
        })
      ).status,
    ).toBe(404);
    const count = async () =>
      (await sql<{ n: number }>`select count(*)::int as n from vital_signs`.execute(t.database.db)).rows[0]
        ?.n;
    const before = await count();
    const second = await post('/api/infusions', { patientId });
    // HR is fine but SpO2 is impossible: the whole set is refused.
    const bad = await post(`/api/infusions/${second.body.infusion.id}/vitals`, { hr: 80, spo2: 140 });
    expect(bad.status).toBe(400);
    expect(await count()).toBe(before);
  });
});
