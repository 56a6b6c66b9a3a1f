import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { ivChronicPain, ivDepression } from '@openkap/domain';
import { backends, call, startClinic, type TestClinic, scheduleInfusionFor } from './harness.ts';

describe.each(backends)('protocols as clinic-editable data (%s)', (backend) => {
  let t: TestClinic;
  beforeAll(async () => {
    t = await startClinic(backend);
  });
  afterAll(() => t.close());

  it('lists the cited defaults', async () => {
    const { body } = await call<{ protocols: { id: string; dose: { defaultMgPerKg: number } }[] }>(t.app, {
      method: 'GET',
      url: '/api/protocols',
      headers: await t.as('nurse'),
    });
    expect(body.protocols.find((p) => p.id === 'iv-depression')?.dose.defaultMgPerKg).toBe(0.5);
    expect(body.protocols.map((p) => p.id)).toEqual(
      expect.arrayContaining([
        'iv-depression',
        'iv-ptsd',
        'iv-chronic-pain',
        'im-kap',
        'intranasal',
        'iv-alcohol-relapse-prevention',
      ]),
    );
  });

  it('lets a physician tighten a protocol; new plans use it and its hard stop', async () => {
    const edited = {
      ...ivDepression,
      dose: {
        ...ivDepression.dose,
        limits: { ...ivDepression.dose.limits, minMgPerKg: 0.2, maxMgPerKg: 0.6, hardMaxMgPerKg: 0.6 },
      },
    };
    expect(
      (
        await call(t.app, {
          method: 'PUT',
          url: '/api/protocols/iv-depression',
          headers: await t.as('nurse'),
          payload: edited,
        })
      ).status,
    ).toBe(403);
    const saved = await call(t.app, {
      method: 'PUT',
      url: '/api/protocols/iv-depression',
      headers: await t.as('physician'),
      payload: edited,
    });
    expect(saved.status).toBe(200);
    const nurse = await t.as('nurse');
    const inf = await scheduleInfusionFor(t, {
      givenName: 'Ivo',
      familyName: 'Marsh',
      birthDate: '1970-03-03',
      indicationCode: 'F33.2',
      weightKg: 80,
    });
    const refused = await call<{ error: { code: string } }>(t.app, {
      method: 'POST',
      url: `/api/infusions/${inf.infusionId}/dose-order`,
      headers: nurse,
      payload: { mgPerKg: 0.7 },
    });
    expect(refused.status).toBe(422);
    expect(refused.body.error.code).toBe('dose_above_maximum');
  });

  it('takes the clinic’s own alert limits: SBP 160 raises an alert the default (180) would not', async () => {
    const alerts = ivDepression.alerts.map((r) => (r.code === 'sbp_high' ? { ...r, limit: 160 } : r));
    const saved = await call(t.app, {
      method: 'PUT',
      url: '/api/protocols/iv-ptsd',
      headers: await t.as('physician'),
      payload: { ...ivDepression, id: 'iv-ptsd', alerts },
    });
    expect(saved.status).toBe(200);
    const nurse = await t.as('nurse');
    const inf = await scheduleInfusionFor<{ id: string; thresholds: { sbpHigh: number } }>(
      t,
      {
        givenName: 'Rae',
        familyName: 'Lund',
        birthDate: '1985-03-03',
        indicationCode: 'F43.12',
        weightKg: 65,
      },
      'iv-ptsd',
    );
    expect(inf.infusion.thresholds.sbpHigh).toBe(160);
    const v = await call<{ infusion: { alerts: { code: string; limit: number }[] } }>(t.app, {
      method: 'POST',
      url: `/api/infusions/${inf.infusionId}/vitals`,
      headers: nurse,
      payload: { sbp: 165, dbp: 90 },
    });
    expect(v.body.infusion.alerts).toMatchObject([{ code: 'sbp_high', limit: 160 }]);
    const dup = await call(t.app, {
      method: 'PUT',
      url: '/api/protocols/iv-ptsd',
      headers: await t.as('physician'),
      payload: { ...ivDepression, id: 'iv-ptsd', alerts: [...alerts, alerts[0]] },
    });
    expect(dup.status).toBe(400);
  });

  it('refuses an incoherent protocol with a clear 400', async () => {
    const bad = { ...ivDepression, dose: { ...ivDepression.dose, defaultMgPerKg: 0.9 } };
    const res = await call<{ error: { message: string } }>(t.app, {
      method: 'PUT',
      url: '/api/protocols/iv-depression',
      headers: await t.as('admin'),
      payload: bad,
    });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/minimum ≤ default ≤ maximum ≤ hard maximum/);
    const mismatch = await call(t.app, {
      method: 'PUT',
      url: '/api/protocols/iv-ptsd',
      headers: await t.as('admin'),
      payload: ivDepression,
    });
    expect(mismatch.status).toBe(400);
  });

  it('refuses an IV protocol without a minimum duration or a maximum rate, and saves nothing', async () => {
    const saved = async () =>
      (
        await sql<{
          definition: unknown;
        }>`select definition from protocols where id = 'iv-chronic-pain'`.execute(t.database.db)
      ).rows;
    const before = await saved();
    const { minDurationMin: _d, maxMgPerKgPerHour: _r, ...limits } = ivChronicPain.dose.limits;
    const res = await call<{ error: { issues: { path: string }[] } }>(t.app, {
      method: 'PUT',
      url: '/api/protocols/iv-chronic-pain',
      headers: await t.as('physician'),
      payload: { ...ivChronicPain, dose: { ...ivChronicPain.dose, limits } },
    });
    expect(res.status).toBe(400);
    expect(res.body.error.issues.map((i) => i.path)).toEqual([
      'dose.limits.minDurationMin',
      'dose.limits.maxMgPerKgPerHour',
    ]);
    const noBmi = await call<{ error: { issues: { path: string }[] } }>(t.app, {
      method: 'PUT',
      url: '/api/protocols/iv-chronic-pain',
      headers: await t.as('physician'),
      payload: { ...ivChronicPain, dosingWeight: { basis: 'ideal', fromBmi: null, maxAgeDays: 30 } },
    });
    expect(noBmi.body.error.issues.map((i) => i.path)).toEqual(['dosingWeight.fromBmi']);
    expect(await saved()).toEqual(before);
  });

  it('keeps a clinic’s choices: no hourly cap (null), adjusted weight from BMI 35, re-weigh every 14 days', async () => {
    const edited = {
      ...ivChronicPain,
      dose: { ...ivChronicPain.dose, limits: { ...ivChronicPain.dose.limits, maxMgPerHour: null } },
      dosingWeight: { basis: 'adjusted', fromBmi: 35, maxAgeDays: 14 },
    };
    const res = await call(t.app, {
      method: 'PUT',
      url: '/api/protocols/iv-chronic-pain',
      headers: await t.as('physician'),
      payload: edited,
    });
    expect(res.status).toBe(200);
    const { body } = await call<{ protocols: (typeof edited)[] }>(t.app, {
      method: 'GET',
      url: '/api/protocols',
      headers: await t.as('nurse'),
    });
    const listed = body.protocols.find((p) => p.id === 'iv-chronic-pain');
    expect(listed?.dose.limits.maxMgPerHour).toBeNull();
    expect(listed?.dosingWeight).toEqual({ basis: 'adjusted', fromBmi: 35, maxAgeDays: 14 });
  });

  it('fills an edit saved before the rate, duration, cap and weight fields with the built-in defaults', async () => {
    const { minDurationMin: _d, maxMgPerHour: _h, ...limits } = ivChronicPain.dose.limits;
    const { dosingWeight: _w, ...old } = ivChronicPain;
    const definition = JSON.stringify({ ...old, id: 'iv-chronic-pain', dose: { ...old.dose, limits } });
    // The row the previous test saved, overwritten as a pre-issue-10 server would have stored it.
    const updated =
      await sql`update protocols set definition = ${definition}::jsonb where id = 'iv-chronic-pain'`.execute(
        t.database.db,
      );
    expect(Number(updated.numAffectedRows)).toBe(1);
    const { body } = await call<{ protocols: (typeof ivChronicPain)[] }>(t.app, {
      method: 'GET',
      url: '/api/protocols',
      headers: await t.as('nurse'),
    });
    const listed = body.protocols.find((p) => p.id === 'iv-chronic-pain');
    expect(listed?.dose.limits).toMatchObject({
      minDurationMin: 120,
      maxMgPerHour: 25,
      maxMgPerKgPerHour: 2,
    });
    expect(listed?.dosingWeight).toEqual({ basis: 'actual', fromBmi: null, maxAgeDays: 30 });
  });
});
