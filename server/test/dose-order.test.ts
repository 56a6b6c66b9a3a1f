import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { ivDepression, type Protocol } from '@openkap/domain';
import {
  backends,
  call,
  otherClinic,
  scheduleInfusionFor,
  startClinic,
  type NewPatient,
  type TestClinic,
} from './harness.ts';

interface DosingWeightView {
  basis: string;
  kg: number;
  actualKg: number;
  measuredOn: string;
  heightCm: number | null;
  bmi: number | null;
}
interface Infusion {
  id: string;
  doseOrder: {
    doseMg: number;
    weightKg: number;
    durationMin: number;
    mgPerKgPerHour: number;
    weightOn: string;
    dosingWeight: DosingWeightView;
  } | null;
  dosingWeight: { value: DosingWeightView | null; problem: { code: string; message: string } | null };
  prechecks: { items: { id: string; done: boolean; label: string }[] };
}
type Refusal = { error: { code: string; message: string; details: Record<string, unknown> } };

const person = (familyName: string, weightKg = 70): NewPatient => ({
  givenName: 'Dana',
  familyName,
  birthDate: '1984-02-02',
  indicationCode: 'F33.2',
  weightKg,
});

describe.each(backends)('dose order: rate, duration, weight, cap (%s)', (backend) => {
  let t: TestClinic;
  beforeAll(async () => {
    t = await startClinic(backend);
  });
  afterAll(() => t.close());

  const order = async (
    id: string,
    payload: object,
    role: 'nurse' | 'front_desk' = 'nurse',
    headers?: Record<string, string>,
  ) =>
    call<{ infusion: Infusion } & Refusal>(t.app, {
      method: 'POST',
      url: `/api/infusions/${id}/dose-order`,
      headers: headers ?? (await t.as(role)),
      payload,
    });
  const view = async (id: string) =>
    (
      await call<{ infusion: Infusion }>(t.app, {
        method: 'GET',
        url: `/api/infusions/${id}`,
        headers: await t.as('nurse'),
      })
    ).body.infusion;
  /** The stored row, to prove a refusal wrote nothing (the view is derived; the row is the truth). */
  const row = async (id: string) =>
    (
      await sql<{ dose_order: unknown; stage: string }>`
        select dose_order, stage from infusions where id = ${id}`.execute(t.database.db)
    ).rows[0];
  const expectRefused = async (id: string, payload: object, code: string) => {
    const before = { row: await row(id), view: await view(id) };
    const res = await order(id, payload);
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe(code);
    expect(await row(id)).toEqual(before.row);
    expect(await view(id)).toEqual(before.view);
    return res.body.error;
  };
  const putProtocol = async (body: object, id = 'iv-depression') =>
    call<{ protocol: unknown } & Refusal>(t.app, {
      method: 'PUT',
      url: `/api/protocols/${id}`,
      headers: await t.as('physician'),
      payload: body,
    });

  it('refuses the issue’s example, 0.5 mg/kg over 2 minutes (duration_below_minimum), and writes nothing', async () => {
    const { infusionId } = await scheduleInfusionFor(t, person('Short'));
    const error = await expectRefused(infusionId, { mgPerKg: 0.5, durationMin: 2 }, 'duration_below_minimum');
    expect(error.details).toMatchObject({ durationMin: 2, minDurationMin: 40 });
    expect(error.message).toMatch(/2 min is shorter than the protocol minimum of 40 min/);
    const ok = await order(infusionId, { mgPerKg: 0.5, durationMin: 40 });
    expect(ok.status).toBe(200);
    expect(ok.body.infusion.doseOrder).toMatchObject({ doseMg: 35, durationMin: 40, mgPerKgPerHour: 0.75 });
  });

  it('refuses a rate above the protocol maximum (rate_above_maximum): 0.75 mg/kg over 40 min; over 60 min it stands', async () => {
    const { infusionId } = await scheduleInfusionFor(t, person('Fast'));
    const error = await expectRefused(infusionId, { mgPerKg: 0.75 }, 'rate_above_maximum');
    expect(error.details).toMatchObject({ maxMgPerKgPerHour: 0.75 });
    const ok = await order(infusionId, { mgPerKg: 0.75, durationMin: 60 });
    expect(ok.body.infusion.doseOrder).toMatchObject({ doseMg: 52.5, mgPerKgPerHour: 0.75 });
    // Above the hard maximum stays dose_above_maximum (mg/kg), whatever the duration.
    await expectRefused(infusionId, { mgPerKg: 0.9, durationMin: 120 }, 'dose_above_maximum');
  });

  it('caps chronic pain at 25 mg/h (dose_above_cap): the default 1.4 mg/kg is refused for 80 kg, 1.25 mg/kg stands', async () => {
    const { infusionId } = await scheduleInfusionFor(t, person('Cap', 80), 'iv-chronic-pain');
    const error = await expectRefused(infusionId, { mgPerKg: 1.4 }, 'dose_above_cap');
    expect(error.details).toMatchObject({ maxMgPerHour: 25, mgPerHour: 28 });
    const ok = await order(infusionId, { mgPerKg: 1.25 });
    expect(ok.body.infusion.doseOrder).toMatchObject({ doseMg: 100, durationMin: 240 });
  });

  it('caps a session’s mg when the clinic sets one (dose_above_cap)', async () => {
    const capped = {
      ...ivDepression,
      id: 'iv-ptsd',
      dose: { ...ivDepression.dose, limits: { ...ivDepression.dose.limits, maxTotalMg: 40 } },
    };
    expect((await putProtocol(capped, 'iv-ptsd')).status).toBe(200);
    const { infusionId } = await scheduleInfusionFor(t, person('Session', 90), 'iv-ptsd');
    const error = await expectRefused(infusionId, { mgPerKg: 0.5 }, 'dose_above_cap');
    expect(error.details).toMatchObject({ doseMg: 45, maxTotalMg: 40 });
  });

  it('holds an old plan snapshot (no rate, duration or cap fields) to the built-in limits', async () => {
    const depression = await scheduleInfusionFor(t, person('Snapshot'));
    const pain = await scheduleInfusionFor(t, person('Snapshot-pain', 80), 'iv-chronic-pain');
    for (const id of [depression.infusionId, pain.infusionId]) {
      await sql`update infusions set protocol = (protocol #- '{dose,limits,minDurationMin}'
        #- '{dose,limits,maxMgPerKgPerHour}' #- '{dose,limits,maxMgPerHour}' #- '{dosingWeight}')
        where id = ${id}`.execute(t.database.db);
    }
    const stripped = await row(depression.infusionId);
    expect(stripped).toBeDefined();
    await expectRefused(depression.infusionId, { mgPerKg: 0.5, durationMin: 2 }, 'duration_below_minimum');
    await expectRefused(pain.infusionId, { mgPerKg: 1.4 }, 'dose_above_cap');
    const ok = await order(depression.infusionId, { mgPerKg: 0.5 });
    expect(ok.body.infusion.doseOrder?.dosingWeight).toMatchObject({ basis: 'actual', kg: 70 });
  });

  it('states the weight it used: basis, kg, the day measured, height and BMI', async () => {
    const { patientId, infusionId } = await scheduleInfusionFor(t, person('Stated', 82));
    const nurse = await t.as('nurse');
    await call(t.app, {
      method: 'POST',
      url: `/api/patients/${patientId}/heights`,
      headers: nurse,
      payload: { cm: 175, measuredOn: '2026-11-01' },
    });
    expect((await view(infusionId)).dosingWeight).toMatchObject({
      value: { basis: 'actual', kg: 82, bmi: 26.8 },
      problem: null,
    });
    const res = await order(infusionId, { mgPerKg: 0.5 });
    expect(res.body.infusion.doseOrder).toMatchObject({
      weightKg: 82,
      weightOn: '2026-11-20',
      dosingWeight: {
        basis: 'actual',
        kg: 82,
        actualKg: 82,
        measuredOn: '2026-11-20',
        heightCm: 175,
        bmi: 26.8,
      },
    });
  });

  it('blocks the order on a weight older than 30 days until the patient is re-weighed (a pre-check)', async () => {
    const { weightKg: _none, ...unweighed } = person('Stale');
    const { patientId, infusionId } = await scheduleInfusionFor(t, unweighed as NewPatient);
    const weigh = async (kg: number, measuredOn: string) =>
      call(t.app, {
        method: 'POST',
        url: `/api/patients/${patientId}/weights`,
        headers: await t.as('nurse'),
        payload: { kg, measuredOn },
      });
    const weightCheck = async () =>
      (await view(infusionId)).prechecks.items.find((i) => i.id === 'weight_current');
    expect(await weightCheck()).toMatchObject({ done: false, label: 'Weight measured within 30 days' });
    await expectRefused(infusionId, { mgPerKg: 0.5 }, 'no_weight');
    // Today is 2026-11-20: a weight of 2026-10-21 is 30 days old (allowed), 2026-10-20 is 31.
    expect((await weigh(70, '2026-10-20')).status).toBe(201);
    const stale = await view(infusionId);
    expect(stale.prechecks.items.find((i) => i.id === 'weight_current')?.done).toBe(false);
    expect(stale.dosingWeight.problem?.code).toBe('weight_out_of_date');
    const error = await expectRefused(infusionId, { mgPerKg: 0.5 }, 'weight_out_of_date');
    expect(error.details).toMatchObject({ ageDays: 31, maxAgeDays: 30 });
    expect(error.message).toMatch(/Re-weigh/);
    expect((await weigh(71.5, '2026-10-21')).status).toBe(201);
    expect((await weightCheck())?.done).toBe(true);
    const ok = await order(infusionId, { mgPerKg: 0.5 });
    expect(ok.body.infusion.doseOrder).toMatchObject({ weightKg: 71.5, weightOn: '2026-10-21' });
  });

  it('doses by adjusted weight above the protocol’s BMI; refuses without a height or a female/male sex', async () => {
    const adjusted = {
      ...ivDepression,
      id: 'iv-alcohol-relapse-prevention',
      dosingWeight: { basis: 'adjusted', fromBmi: 35, maxAgeDays: 30 },
    };
    expect((await putProtocol(adjusted, 'iv-alcohol-relapse-prevention')).status).toBe(200);
    const heavy = await scheduleInfusionFor(
      t,
      { ...person('Heavy', 120), sex: 'female' } as NewPatient,
      'iv-alcohol-relapse-prevention',
    );
    await expectRefused(heavy.infusionId, { mgPerKg: 0.5 }, 'height_required');
    await call(t.app, {
      method: 'POST',
      url: `/api/patients/${heavy.patientId}/heights`,
      headers: await t.as('nurse'),
      payload: { cm: 160, measuredOn: '2026-11-20' },
    });
    // BMI 46.9 ≥ 35: IBW 52.4 kg + 0.4 × (120 − 52.4) = 79.4 kg; 0.5 mg/kg → 39.7 mg.
    const res = await order(heavy.infusionId, { mgPerKg: 0.5 });
    expect(res.status).toBe(200);
    expect(res.body.infusion.doseOrder).toMatchObject({
      doseMg: 39.7,
      weightKg: 79.4,
      dosingWeight: { basis: 'adjusted', kg: 79.4, actualKg: 120, bmi: 46.9, heightCm: 160 },
    });

    const unknownSex = await scheduleInfusionFor(
      t,
      person('Unknown-sex', 120),
      'iv-alcohol-relapse-prevention',
    );
    await call(t.app, {
      method: 'POST',
      url: `/api/patients/${unknownSex.patientId}/heights`,
      headers: await t.as('nurse'),
      payload: { cm: 160, measuredOn: '2026-11-20' },
    });
    const error = await expectRefused(unknownSex.infusionId, { mgPerKg: 0.5 }, 'sex_required');
    expect(error.message).toMatch(/female or male/);
  });

  it('refuses the wrong role, another clinic and a malformed order, writing nothing', async () => {
    const { infusionId } = await scheduleInfusionFor(t, person('Misuse'));
    const before = await row(infusionId);
    expect((await order(infusionId, { mgPerKg: 0.5 }, 'front_desk')).status).toBe(403);
    const other = await otherClinic(t, 'nurse');
    expect((await order(infusionId, { mgPerKg: 0.5 }, 'nurse', other.headers)).status).toBe(404);
    expect((await order(infusionId, { mgPerKg: 0.5, durationMin: 0 })).status).toBe(400);
    expect((await order(infusionId, { mgPerKg: 0.5, durationMin: 40.5 })).status).toBe(400);
    expect(await row(infusionId)).toEqual(before);
  });

  it('lists the chronic-pain protocol with its 25 mg/h cap', async () => {
    const { body } = await call<{ protocols: Protocol[] }>(t.app, {
      method: 'GET',
      url: '/api/protocols',
      headers: await t.as('nurse'),
    });
    expect(body.protocols.find((p) => p.id === 'iv-chronic-pain')?.dose.limits).toMatchObject({
      maxMgPerHour: 25,
      maxMgPerKgPerHour: 2,
      minDurationMin: 120,
    });
  });
});
