import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { phq9 } from '@openkap/domain';
import { backends, call, startClinic, type TestClinic } from './harness.ts';

const items = phq9.items.map((i) => i.linkId);
const answers = (values: (number | null)[]) =>
  Object.fromEntries(items.map((id, i) => [id, values[i] ?? null]));

describe.each(backends)('questionnaires (%s)', (backend) => {
  let t: TestClinic;
  let patientId: string;
  beforeAll(async () => {
    t = await startClinic(backend);
    const p = await call<{ patient: { id: string } }>(t.app, {
      method: 'POST',
      url: '/api/patients',
      headers: await t.as('nurse'),
      payload: {
        givenName: 'Grace',
        familyName: 'Oyelaran',
        birthDate: '1999-01-23',
        indicationCode: 'F32.1',
      },
    });
    patientId = p.body.patient.id;
  });
  afterAll(() => t.close());

  it('scores a staff-entered PHQ-9 exactly and shows it on the chart', async () => {
    const res = await call<{ response: { total: number; band: string; bandLabel: string } }>(t.app, {
      method: 'POST',
      url: `/api/patients/${patientId}/questionnaires`,
      headers: await t.as('therapist'),
      payload: {
        instrument: 'phq9',
        answers: answers([2, 2, 1, 2, 1, 2, 1, 1, 0]),
        authoredAt: '2026-11-19T14:00:00Z',
      },
    });
    expect(res.status).toBe(201);
    expect(res.body.response).toMatchObject({ total: 12, band: 'moderate' });
  });

  it('raises an urgent safety alert when item 9 is above 0, and only care staff acknowledge it', async () => {
    const res = await call(t.app, {
      method: 'POST',
      url: `/api/patients/${patientId}/questionnaires`,
      headers: await t.as('nurse'),
      payload: { instrument: 'phq9', answers: answers([1, 1, 1, 1, 1, 1, 1, 1, 1]) },
    });
    expect(res.status).toBe(201);
    const list = await call<{ alerts: { id: string; patientId: string; message: string }[] }>(t.app, {
      method: 'GET',
      url: '/api/safety-alerts',
      headers: await t.as('physician'),
    });
    const alert = list.body.alerts.find((a) => a.patientId === patientId);
    expect(alert?.message).toMatch(/item 9/);
    const byDesk = await call(t.app, {
      method: 'POST',
      url: `/api/safety-alerts/${alert?.id}/acknowledge`,
      headers: await t.as('front_desk'),
      payload: { note: 'seen' },
    });
    expect(byDesk.status).toBe(403);
    const ack = await call(t.app, {
      method: 'POST',
      url: `/api/safety-alerts/${alert?.id}/acknowledge`,
      headers: await t.as('physician'),
      payload: { note: 'Called the patient; safety plan reviewed' },
    });
    expect(ack.status).toBe(204);
    const after = await call<{ alerts: { patientId: string }[] }>(t.app, {
      method: 'GET',
      url: '/api/safety-alerts',
      headers: await t.as('physician'),
    });
    expect(after.body.alerts.some((a) => a.patientId === patientId)).toBe(false);
  });

  it('refuses answers that cannot be right and saves nothing', async () => {
    const count = async () =>
      (
        await sql<{ n: number }>`select count(*)::int as n from questionnaire_responses`.execute(
          t.database.db,
        )
      ).rows[0]?.n;
    const before = await count();
    const headers = await t.as('nurse');
    const bad = [
      { instrument: 'phq9', answers: { ...answers([1, 1, 1, 1, 1, 1, 1, 1, 0]), '12345-6': 1 } },
      { instrument: 'phq9', answers: answers([4, 1, 1, 1, 1, 1, 1, 1, 0]) },
      { instrument: 'hamd17', answers: {} },
    ];
    for (const payload of bad) {
      expect(
        (
          await call(t.app, {
            method: 'POST',
            url: `/api/patients/${patientId}/questionnaires`,
            headers,
            payload,
          })
        ).status,
      ).toBe(400);
    }
    expect(await count()).toBe(before);
  });

  it('lets the patient answer through a one-time link on a phone, once', async () => {
    const link = await call<{ url: string; token: string }>(t.app, {
      method: 'POST',
      url: `/api/patients/${patientId}/questionnaire-links`,
      headers: await t.as('front_desk'),
      payload: { instruments: ['phq9', 'gad7'] },
    });
    expect(link.status).toBe(201);
    expect(link.body.url).toContain('/q/');
    const opened = await call<{ patientFirstName: string; instruments: { id: string }[] }>(t.app, {
      method: 'GET',
      url: `/api/q/${link.body.token}`,
    });
    expect(opened.body.patientFirstName).toBe('Grace');
    expect(opened.body.instruments.map((i) => i.id)).toEqual(['phq9', 'gad7']);
    // Two missing items are prorated; three would not be scored.
    const submit = await call(t.app, {
      method: 'POST',
      url: `/api/q/${link.body.token}`,
      payload: { responses: [{ instrument: 'phq9', answers: answers([1, 1, 1, 1, 1, 1, 1, null, 0]) }] },
    });
    expect(submit.status).toBe(200);
    const again = await call(t.app, {
      method: 'POST',
      url: `/api/q/${link.body.token}`,
      payload: { responses: [{ instrument: 'phq9', answers: answers([0, 0, 0, 0, 0, 0, 0, 0, 0]) }] },
    });
    expect(again.status).toBe(410);
    const chart = await call<{
      patient: { questionnaires: { source: string; total: number; imputed: boolean }[] };
    }>(t.app, { method: 'GET', url: `/api/patients/${patientId}`, headers: await t.as('nurse') });
    expect(chart.body.patient.questionnaires.find((q) => q.source === 'patient')).toMatchObject({
      total: 8,
      imputed: true,
    });
    expect(
      (await call(t.app, { method: 'GET', url: '/api/q/not-a-real-token-but-long-enough' })).status,
    ).toBe(404);
  });

  it('takes a consultation request from the public front door for the front desk', async () => {
    expect(
      (await call(t.app, { method: 'POST', url: '/api/leads', payload: { name: 'Jamie', interest: 'ptsd' } }))
        .status,
    ).toBe(400);
    expect(
      (
        await call(t.app, {
          method: 'POST',
          url: '/api/leads',
          payload: { name: 'Jamie', email: 'jamie@example.org', interest: 'ptsd' },
        })
      ).status,
    ).toBe(201);
    const leads = await call<{ leads: { name: string }[] }>(t.app, {
      method: 'GET',
      url: '/api/leads',
      headers: await t.as('front_desk'),
    });
    expect(leads.body.leads.map((l) => l.name)).toContain('Jamie');
    expect(
      (await call(t.app, { method: 'GET', url: '/api/leads', headers: await t.as('nurse') })).status,
    ).toBe(403);
  });
});
