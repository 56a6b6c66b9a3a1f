/**
 * Issue 10: the CADSS is clinician-administered. It is never sent to the patient's phone, only clinical
 * staff enter it, and it is due at the session (during or just after dosing), not in the day after.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { cadss } from '@openkap/domain/instruments/cadss';
import { backends, call, startClinic, type TestClinic } from './harness.ts';
import { infusionReadyToStart } from './ledger-fixtures.ts';

interface Due {
  instrumentId: string;
  when: string;
  reason: string;
  clinicianRated: boolean;
  sessionId: string | null;
}

const cadssAnswers = Object.fromEntries(cadss.items.map((i) => [i.linkId, 1]));

describe.each(backends)('CADSS at the session (%s)', (backend) => {
  let t: TestClinic;
  let infusionId = '';
  let patientId = '';
  const post = async (url: string, payload: object, role: 'nurse' | 'front_desk' | 'therapist' = 'nurse') =>
    call<{ error: { code: string; message: string }; infusion: { stage: string } }>(t.app, {
      method: 'POST',
      url,
      headers: await t.as(role),
      payload,
    });
  const dueCadss = async (): Promise<Due | undefined> => {
    const res = await call<{ patient: { plan: { due: Due[] } | null } }>(t.app, {
      method: 'GET',
      url: `/api/patients/${patientId}`,
      headers: await t.as('nurse'),
    });
    expect(res.status).toBe(200);
    return res.body.patient.plan?.due.find((d) => d.instrumentId === 'cadss');
  };
  const minutes = (m: number) => new Date(start.getTime() + m * 60_000);
  let start: Date;

  beforeAll(async () => {
    t = await startClinic(backend);
    start = t.clock.now;
    infusionId = await infusionReadyToStart(t, 'Dissociation');
    const infusion = await call<{ infusion: { patient: { id: string } } }>(t.app, {
      method: 'GET',
      url: `/api/infusions/${infusionId}`,
      headers: await t.as('nurse'),
    });
    patientId = infusion.body.infusion.patient.id;
  });
  afterAll(() => t.close());

  it('refuses a phone link for the CADSS with a 400 that says why, and writes no link', async () => {
    const links = async () =>
      Number(
        (await sql<{ n: number }>`select count(*)::int as n from questionnaire_links`.execute(t.database.db))
          .rows[0]?.n,
      );
    const before = await links();
    for (const instruments of [['cadss'], ['phq9', 'cadss']]) {
      const res = await post(`/api/patients/${patientId}/questionnaire-links`, { instruments }, 'front_desk');
      expect(res.status).toBe(400);
      expect(res.body.error.message).toMatch(
        /CADSS is clinician-administered at the chair during or just after dosing and cannot be sent to the patient's phone; staff enter it/,
      );
    }
    expect(await links()).toBe(before);
  });

  it('is due during dosing and in recovery, rated by staff, and lapses at discharge rather than 24 h later', async () => {
    expect(await dueCadss()).toBeUndefined();
    t.clock.now = minutes(0);
    expect(
      (await post(`/api/infusions/${infusionId}/pump`, { kind: 'start', at: minutes(0).toISOString() }))
        .status,
    ).toBe(200);
    t.clock.now = minutes(20);
    expect(await dueCadss()).toMatchObject({
      when: 'at_each_session',
      clinicianRated: true,
      sessionId: infusionId,
      reason: expect.stringMatching(/^during or just after dosing, at the infusion on /),
    });

    t.clock.now = minutes(41);
    const stopped = await post(`/api/infusions/${infusionId}/pump`, {
      kind: 'stop',
      at: minutes(40).toISOString(),
    });
    expect(stopped.body.infusion.stage).toBe('recovery');
    expect((await dueCadss())?.when).toBe('at_each_session');

    t.clock.now = minutes(75);
    const discharged = await post(`/api/infusions/${infusionId}/discharge`, {
      scoreType: 'padss',
      items: { vitalSigns: 2, activityMentalStatus: 2, painNauseaVomiting: 1, bleeding: 2, intakeOutput: 2 },
      escortName: 'Kim',
      instructionsGiven: true,
    });
    expect(discharged.status, JSON.stringify(discharged.body)).toBe(200);
    // Discharged 35 min after the dose ended: the old rule would still ask for 24 h.
    expect(await dueCadss()).toBeUndefined();
    t.clock.now = minutes(75 + 6 * 60);
    expect(await dueCadss()).toBeUndefined();
  });

  it('is entered by clinical staff, not the front desk', async () => {
    const enter = (role: 'front_desk' | 'therapist') =>
      post(`/api/patients/${patientId}/questionnaires`, { instrument: 'cadss', answers: cadssAnswers }, role);
    const desk = await enter('front_desk');
    expect(desk.status).toBe(403);
    expect(desk.body.error.message).toMatch(
      /^CADSS is clinician-administered at the chair during or just after dosing; a front desk may not enter it \(questionnaires\.rate\)$/,
    );
    expect((await enter('therapist')).status).toBe(201);
  });
});
