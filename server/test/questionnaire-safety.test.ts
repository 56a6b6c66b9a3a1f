/**
 * Issue 10, questionnaires and suicide risk: an unanswered PHQ-9 item 9 opens an urgent safety task
 * (from staff entry, the patient's phone, or FHIR), "prefer not to answer" on the phone says so, and
 * MADRS item 10 at or above the clinic's setting opens a safety alert. Tasks and alerts share one list.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { madrs } from '@openkap/domain/instruments/madrs';
import { phq9 } from '@openkap/domain/instruments/phq9';
import { backends, call, otherClinic, startClinic, type TestClinic } from './harness.ts';
import { countRows, fhir, patientResource, phq9 as phq9Resource } from './fhir-helpers.ts';

const ITEM9 = '44260-8';
const phqAnswers = (values: (number | null)[]) =>
  Object.fromEntries(phq9.items.map((item, i) => [item.linkId, values[i] ?? null]));
const madrsAnswers = (item10: number | null) =>
  Object.fromEntries(madrs.items.map((item, i) => [item.linkId, i === 9 ? item10 : 2]));

interface OpenAlert {
  id: string;
  patientId: string;
  kind: string;
  type: 'alert' | 'task';
  message: string;
}
interface ErrorBody {
  error: { code: string; message: string };
}

describe.each(backends)('questionnaires and suicide risk (%s)', (backend) => {
  let t: TestClinic;
  const newPatient = async (givenName: string): Promise<string> => {
    const p = await call<{ patient: { id: string } }>(t.app, {
      method: 'POST',
      url: '/api/patients',
      headers: await t.as('nurse'),
      payload: { givenName, familyName: 'Safety', birthDate: '1990-03-03', indicationCode: 'F33.2' },
    });
    return p.body.patient.id;
  };
  const openFor = async (patientId: string): Promise<OpenAlert[]> => {
    const list = await call<{ alerts: OpenAlert[] }>(t.app, {
      method: 'GET',
      url: '/api/safety-alerts',
      headers: await t.as('physician'),
    });
    expect(list.status).toBe(200);
    return list.body.alerts.filter((a) => a.patientId === patientId);
  };
  const enter = async (patientId: string, payload: object, role: 'nurse' | 'front_desk' = 'nurse') =>
    call<ErrorBody & { response: Record<string, unknown> }>(t.app, {
      method: 'POST',
      url: `/api/patients/${patientId}/questionnaires`,
      headers: await t.as(role),
      payload,
    });
  const chart = async (patientId: string) =>
    (
      await call<{
        patient: {
          questionnaires: { instrument: string; safetyItemUnanswered: boolean; declinedItems: string[] }[];
          safetyAlerts: { kind: string; type: string; acknowledgedAt: string | null }[];
        };
      }>(t.app, { method: 'GET', url: `/api/patients/${patientId}`, headers: await t.as('nurse') })
    ).body.patient;

  beforeAll(async () => {
    t = await startClinic(backend);
  });
  afterAll(() => t.close());

  it('opens an urgent task, in the safety-alert list, when staff leave PHQ-9 item 9 blank; acknowledged like an alert', async () => {
    const patientId = await newPatient('Blank');
    const res = await enter(patientId, {
      instrument: 'phq9',
      answers: phqAnswers([2, 2, 2, 2, 2, 2, 2, 2, null]),
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    // The total may be prorated from the other items; item 9 itself is never taken as an answer.
    expect(res.body.response).toMatchObject({ total: 18, safetyAlert: false, safetyItemUnanswered: true });

    const [task, ...more] = await openFor(patientId);
    expect(more).toEqual([]);
    expect(task).toMatchObject({ kind: 'phq9_item9_unanswered', type: 'task' });
    expect(task?.message).toMatch(
      /^PHQ-9 item 9 \(thoughts of death or self-harm\) not answered — ask the patient/,
    );
    expect((await chart(patientId)).safetyAlerts).toEqual([
      expect.objectContaining({ kind: 'phq9_item9_unanswered', type: 'task', acknowledgedAt: null }),
    ]);

    const ack = (role: 'front_desk' | 'nurse') =>
      t.as(role).then((headers) =>
        call(t.app, {
          method: 'POST',
          url: `/api/safety-alerts/${task?.id}/acknowledge`,
          headers,
          payload: { note: 'Asked by phone: no thoughts of self-harm' },
        }),
      );
    expect((await ack('front_desk')).status).toBe(403);
    expect((await ack('nurse')).status).toBe(204);
    expect(await openFor(patientId)).toEqual([]);
  });

  it('opens no task when item 9 is answered 0, and an alert (not a task) when it is positive', async () => {
    const patientId = await newPatient('Answered');
    expect(
      (await enter(patientId, { instrument: 'phq9', answers: phqAnswers([1, 1, 1, 1, 1, 1, 1, 1, 0]) }))
        .status,
    ).toBe(201);
    expect(await openFor(patientId)).toEqual([]);
    expect(
      (await enter(patientId, { instrument: 'phq9', answers: phqAnswers([1, 1, 1, 1, 1, 1, 1, 1, 2]) }))
        .status,
    ).toBe(201);
    expect(await openFor(patientId)).toEqual([
      expect.objectContaining({ kind: 'phq9_item9', type: 'alert' }),
    ]);
  });

  it('takes "prefer not to answer" from the phone: the task says the patient declined; a contradictory form is refused and the link kept', async () => {
    const patientId = await newPatient('Declines');
    const link = await call<{ token: string }>(t.app, {
      method: 'POST',
      url: `/api/patients/${patientId}/questionnaire-links`,
      headers: await t.as('front_desk'),
      payload: { instruments: ['phq9'] },
    });
    expect(link.status).toBe(201);
    const opened = await call<{
      instruments: { id: string; safetyItem: { linkId: string; alertAtOrAbove: number } }[];
    }>(t.app, { method: 'GET', url: `/api/q/${link.body.token}` });
    expect(opened.body.instruments[0]?.safetyItem).toEqual({
      linkId: ITEM9,
      alertAtOrAbove: 1,
      clinicSetting: null,
    });

    const before = await countRows(t.database.db, 'questionnaire_responses');
    const send = (response: object) =>
      call<ErrorBody>(t.app, {
        method: 'POST',
        url: `/api/q/${link.body.token}`,
        payload: { responses: [response] },
      });
    // Answered and declined at once, or an item the form does not have: 400, nothing saved.
    const both = await send({
      instrument: 'phq9',
      answers: phqAnswers([1, 1, 1, 1, 1, 1, 1, 1, 0]),
      declined: [ITEM9],
    });
    expect(both.status).toBe(400);
    expect(both.body.error.message).toMatch(
      /item 9 \(44260-8\) has an answer and is also marked "prefer not to answer"/,
    );
    const stranger = await send({
      instrument: 'phq9',
      answers: phqAnswers([1, 1, 1, 1, 1, 1, 1, 1, null]),
      declined: ['99999-9'],
    });
    expect(stranger.status).toBe(400);
    expect(await countRows(t.database.db, 'questionnaire_responses')).toBe(before);

    const ok = await send({
      instrument: 'phq9',
      answers: phqAnswers([1, 1, 1, 1, 1, 1, 1, 1, null]),
      declined: [ITEM9],
    });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    const [task] = await openFor(patientId);
    expect(task).toMatchObject({ kind: 'phq9_item9_unanswered', type: 'task' });
    expect(task?.message).toMatch(/the patient chose "prefer not to answer" — ask the patient today/);
    expect((await chart(patientId)).questionnaires.find((q) => q.instrument === 'phq9')).toMatchObject({
      safetyItemUnanswered: true,
      declinedItems: [ITEM9],
    });
  });

  it('opens the task for a PHQ-9 arriving over FHIR without item 9', async () => {
    const nurse = await t.as('nurse');
    const patientId = (
      await fhir<{ id: string }>(t.app, 'POST', 'Patient', {
        headers: nurse,
        body: patientResource('Fhir', 'Noitem'),
      })
    ).body.id;
    const res = await fhir(t.app, 'POST', 'QuestionnaireResponse', {
      headers: nurse,
      body: phq9Resource(patientId, [1, 1, 1, 1, 1, 1, 1, 1, null], '2026-11-20T13:00:00Z'),
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(await openFor(patientId)).toEqual([
      expect.objectContaining({ kind: 'phq9_item9_unanswered', type: 'task' }),
    ]);
  });

  it("alerts on MADRS item 10 at or above the clinic's level (default 4), which an admin or physician may change", async () => {
    const patientId = await newPatient('Madrs');
    expect((await enter(patientId, { instrument: 'madrs', answers: madrsAnswers(3) })).status).toBe(201);
    expect(await openFor(patientId)).toEqual([]);
    expect((await enter(patientId, { instrument: 'madrs', answers: madrsAnswers(4) })).status).toBe(201);
    const [alert] = await openFor(patientId);
    expect(alert).toMatchObject({ kind: 'madrs_item10', type: 'alert' });
    expect(alert?.message).toMatch(
      /^MADRS item 10 \(suicidal thoughts\) answered 4 of 6 .*alert level of 4: clinical review needed today/,
    );
    await call(t.app, {
      method: 'POST',
      url: `/api/safety-alerts/${alert?.id}/acknowledge`,
      headers: await t.as('physician'),
      payload: { note: 'Seen in clinic; safety plan updated' },
    });

    const settings = (role: 'admin' | 'physician' | 'nurse' | 'front_desk', payload?: object) =>
      t
        .as(role)
        .then((headers) =>
          call<
            ErrorBody & { settings: { madrsItem10AlertAt: number }; defaults: { madrsItem10AlertAt: number } }
          >(
            t.app,
            payload
              ? { method: 'PATCH', url: '/api/clinic-settings', headers, payload }
              : { method: 'GET', url: '/api/clinic-settings', headers },
          ),
        );
    expect((await settings('front_desk')).body).toEqual({
      settings: { madrsItem10AlertAt: 4 },
      defaults: { madrsItem10AlertAt: 4 },
    });
    const changed = await settings('admin', { madrsItem10AlertAt: 5 });
    expect(changed.status, JSON.stringify(changed.body)).toBe(200);
    expect(changed.body.settings.madrsItem10AlertAt).toBe(5);
    // The staff catalog shows the clinic's level.
    const catalog = await call<{
      instruments: { id: string; safetyItem: { alertAtOrAbove: number } | null }[];
    }>(t.app, { method: 'GET', url: '/api/instruments', headers: await t.as('nurse') });
    expect(catalog.body.instruments.find((i) => i.id === 'madrs')?.safetyItem?.alertAtOrAbove).toBe(5);

    expect((await enter(patientId, { instrument: 'madrs', answers: madrsAnswers(4) })).status).toBe(201);
    expect(await openFor(patientId)).toEqual([]);
    expect((await enter(patientId, { instrument: 'madrs', answers: madrsAnswers(5) })).status).toBe(201);
    expect(await openFor(patientId)).toEqual([expect.objectContaining({ kind: 'madrs_item10' })]);

    // The change is audited with what it was and what it became.
    const audited = await sql<{ detail: { changes: Record<string, { from: number; to: number }> } }>`
      select detail from audit_events where entity = 'clinic_settings' and action = 'update'`.execute(
      t.database.db,
    );
    expect(audited.rows.map((r) => r.detail.changes)).toEqual([{ madrsItem10AlertAt: { from: 4, to: 5 } }]);
  });

  it('refuses a settings change from the wrong role or with a bad value, changing nothing; another clinic keeps its own', async () => {
    const patch = async (role: 'nurse' | 'therapist' | 'physician', payload: Record<string, unknown>) =>
      call<ErrorBody>(t.app, {
        method: 'PATCH',
        url: '/api/clinic-settings',
        headers: await t.as(role),
        payload,
      });
    const read = async () =>
      (
        await call<{ settings: { madrsItem10AlertAt: number } }>(t.app, {
          method: 'GET',
          url: '/api/clinic-settings',
          headers: await t.as('nurse'),
        })
      ).body.settings.madrsItem10AlertAt;
    const before = await read();
    expect((await patch('nurse', { madrsItem10AlertAt: 3 })).status).toBe(403);
    expect((await patch('therapist', { madrsItem10AlertAt: 3 })).status).toBe(403);
    for (const bad of [
      { madrsItem10AlertAt: 0 },
      { madrsItem10AlertAt: 7 },
      { madrsItem10AlertAt: '4' },
      {},
      { other: 1 },
    ]) {
      const res = await patch('physician', bad);
      expect(res.status, JSON.stringify(bad)).toBe(400);
      expect(res.body.error.code).toBe('invalid_request');
    }
    expect(await read()).toBe(before);
    expect((await call(t.app, { method: 'GET', url: '/api/clinic-settings' })).status).toBe(401);

    const other = await otherClinic(t, 'physician');
    const theirs = await call<{ settings: { madrsItem10AlertAt: number } }>(t.app, {
      method: 'GET',
      url: '/api/clinic-settings',
      headers: other.headers,
    });
    expect(theirs.body.settings.madrsItem10AlertAt).toBe(4);
    expect((await patch('physician', { madrsItem10AlertAt: 6 })).status).toBe(200);
    expect(
      (
        await call<{ settings: { madrsItem10AlertAt: number } }>(t.app, {
          method: 'GET',
          url: '/api/clinic-settings',
          headers: other.headers,
        })
      ).body.settings.madrsItem10AlertAt,
    ).toBe(4);
  });
});
