/**
 * Issue 4 "Cadence": the chart lists the questionnaires the plan's protocol says are due now, and a
 * complete answer takes one off the list (a partial one does not).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends, call, scheduleInfusionFor, startClinic, type TestClinic } from './harness.ts';

interface Chart {
  patient: {
    plan: { due: { instrumentId: string; when: string; reason: string; clinicianRated: boolean }[] } | null;
  };
}

const phq9Items = [
  '44250-9',
  '44255-8',
  '44259-0',
  '44254-1',
  '44251-7',
  '44258-2',
  '44252-5',
  '44253-3',
  '44260-8',
];

describe.each(backends)('questionnaires due under the protocol (%s)', (backend) => {
  let t: TestClinic;
  let patientId = '';
  const due = async () => {
    const res = await call<Chart>(t.app, {
      method: 'GET',
      url: `/api/patients/${patientId}`,
      headers: await t.as('nurse'),
    });
    expect(res.status).toBe(200);
    return res.body.patient.plan?.due ?? [];
  };
  beforeAll(async () => {
    t = await startClinic(backend);
    ({ patientId } = await scheduleInfusionFor(t, {
      givenName: 'Due',
      familyName: 'Test',
      birthDate: '1980-05-05',
      indicationCode: 'F33.2',
      weightKg: 70,
    }));
  });
  afterAll(async () => {
    await t.close();
  });

  it('asks for PHQ-9 and GAD-7 baselines before the first infusion', async () => {
    const list = await due();
    expect(list.map((d) => [d.instrumentId, d.when])).toEqual(
      expect.arrayContaining([
        ['phq9', 'baseline'],
        ['gad7', 'baseline'],
      ]),
    );
    expect(list.find((d) => d.instrumentId === 'phq9')?.reason).toBe('baseline, before the first infusion');
  });

  it('takes PHQ-9 off the list once a complete one is entered, not for a partial one', async () => {
    const headers = await t.as('nurse');
    const post = (answers: Record<string, number | null>) =>
      call(t.app, {
        method: 'POST',
        url: `/api/patients/${patientId}/questionnaires`,
        headers,
        payload: { instrument: 'phq9', answers },
      });
    const partial = Object.fromEntries(phq9Items.map((id, i) => [id, i < 5 ? 1 : null]));
    expect((await post(partial)).status).toBe(201);
    expect((await due()).some((d) => d.instrumentId === 'phq9')).toBe(true);
    const full = Object.fromEntries(phq9Items.map((id) => [id, 1]));
    expect((await post(full)).status).toBe(201);
    expect((await due()).some((d) => d.instrumentId === 'phq9')).toBe(false);
    expect((await due()).some((d) => d.instrumentId === 'gad7')).toBe(true);
  });
});
