import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends, call, scheduleInfusionFor, startClinic, type TestClinic } from './harness.ts';
import type { ErrorBody } from './ledger-fixtures.ts';

interface Session {
  stage: string;
  bpHold: {
    held: boolean;
    overridden: boolean;
    message: string | null;
    overrides: { reason: string; byName: string; sbp: number; dbp: number }[];
  };
  vitalsDue: { watching: boolean; overdue: { vital: string; reason: string; message: string }[] };
  administeredBy: { id: string; name: string } | null;
}
type One = { infusion: Session };
const MIN = 60_000;

describe.each(backends)('the pre-dose BP hold, vitals due and who gave an IV dose (%s)', (backend) => {
  let t: TestClinic;
  beforeAll(async () => {
    t = await startClinic(backend);
  });
  afterAll(() => t.close());

  const iso = (minutes: number): string => new Date(t.clock.now.getTime() + minutes * MIN).toISOString();
  const post = async <T = One>(url: string, payload: object, role: 'nurse' | 'physician' = 'nurse') =>
    call<T>(t.app, { method: 'POST', url, headers: await t.as(role), payload });

  async function ivReady(familyName: string, bp: { sbp: number; dbp: number }): Promise<string> {
    const { infusionId } = await scheduleInfusionFor(t, {
      givenName: 'Ravi',
      familyName,
      birthDate: '1979-07-07',
      indicationCode: 'F33.2',
      weightKg: 70,
    });
    const base = `/api/infusions/${infusionId}`;
    await post(`${base}/dose-order`, { mgPerKg: 0.5 });
    await post(`${base}/prechecks`, { consentSigned: true, fastingConfirmed: true, escortName: 'Kim' });
    await post(`${base}/vitals`, { takenAt: iso(-10), hr: 76, ...bp, spo2: 98 });
    return base;
  }

  it('refuses the first start at or above 180/100 until re-measured below it', async () => {
    const base = await ivReady('Held', { sbp: 184, dbp: 96 });
    const held = await post<ErrorBody>(`${base}/pump`, { kind: 'start' });
    expect(held.status).toBe(409);
    expect(held.body.error.code).toBe('bp_hold');
    expect(held.body.error.message).toMatch(/184\/96 .* 180\/100/);
    const view = await call<One>(t.app, { method: 'GET', url: base, headers: await t.as('nurse') });
    expect(view.body.infusion).toMatchObject({ stage: 'precheck', bpHold: { held: true } });
    // Diastolic alone holds too.
    await post(`${base}/vitals`, { takenAt: iso(-5), hr: 74, sbp: 150, dbp: 100, spo2: 98 });
    expect((await post<ErrorBody>(`${base}/pump`, { kind: 'start' })).body.error.code).toBe('bp_hold');
    await post(`${base}/vitals`, { takenAt: iso(-2), hr: 74, sbp: 162, dbp: 94, spo2: 98 });
    const started = await post(`${base}/pump`, { kind: 'start' });
    expect(started.status).toBe(200);
    expect(started.body.infusion.stage).toBe('infusing');
  });

  it('lets a physician override with a reason, shown on the session; a nurse cannot', async () => {
    const base = await ivReady('Override', { sbp: 188, dbp: 98 });
    expect((await post(`${base}/bp-override`, { reason: 'usual for him' })).status).toBe(403);
    expect((await post(`${base}/bp-override`, { reason: '' }, 'physician')).status).toBe(400);
    const over = await post(
      `${base}/bp-override`,
      { reason: 'White-coat pattern; home readings 130s. Labetalol ready.' },
      'physician',
    );
    expect(over.status).toBe(200);
    expect(over.body.infusion.bpHold).toMatchObject({
      held: false,
      overridden: true,
      overrides: [{ sbp: 188, dbp: 98, byName: 'Test physician' }],
    });
    // A higher reading after the override holds again.
    await post(`${base}/vitals`, { takenAt: iso(-1), hr: 80, sbp: 204, dbp: 112, spo2: 98 });
    expect((await post<ErrorBody>(`${base}/pump`, { kind: 'start' })).body.error.code).toBe('bp_hold');
    await post(`${base}/bp-override`, { reason: 'Discussed with the patient; proceeding.' }, 'physician');
    expect((await post(`${base}/pump`, { kind: 'start' })).status).toBe(200);
    // Nothing to override once dosing started, or without a hold.
    expect((await post<ErrorBody>(`${base}/bp-override`, { reason: 'again' }, 'physician')).status).toBe(409);
  });

  it('records who gave the IV dose, chosen at start, and warns when vitals are overdue', async () => {
    const base = await ivReady('Given', { sbp: 126, dbp: 80 });
    const physician = await call<{ user: { id: string } }>(t.app, {
      method: 'GET',
      url: '/api/auth/me',
      headers: await t.as('physician'),
    });
    const started = await post(`${base}/pump`, { kind: 'start', administeredBy: physician.body.user.id });
    expect(started.body.infusion.administeredBy).toEqual({
      id: physician.body.user.id,
      name: 'Test physician',
    });
    // Baseline 10 min before the start: the next set is due at +5 min, overdue after +8.
    expect(started.body.infusion.vitalsDue).toMatchObject({ watching: true, overdue: [] });
    const start = t.clock.now;
    t.clock.now = new Date(start.getTime() + 9 * MIN);
    const late = await call<One>(t.app, { method: 'GET', url: base, headers: await t.as('nurse') });
    expect(late.body.infusion.vitalsDue.overdue.map((o) => o.vital)).toEqual(['bp', 'hr', 'spo2']);
    expect(late.body.infusion.vitalsDue.overdue[0]?.message).toBe(
      'BP overdue (last 19 min ago; due every 15 min)',
    );
    const charted = await post(`${base}/vitals`, { hr: 84, sbp: 138, dbp: 86, spo2: 97 });
    expect(charted.body.infusion.vitalsDue.overdue).toEqual([]);
    t.clock.now = start;
  });
});
