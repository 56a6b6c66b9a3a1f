import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { madrs } from '@openkap/domain/instruments/madrs';
import { pcl5 } from '@openkap/domain/instruments/pcl5';
import type { Instrument } from '@openkap/domain/instruments/types';
import { backends, call, startClinic, type TestClinic } from './harness.ts';
import { countRows } from './fhir-helpers.ts';

// Every registered instrument through staff entry and the patient's one-time link (issue 4): who may
// enter a clinician-rated scale, per-item answer ranges, and partial forms kept as in progress.

/** Answers every item of `instrument` with `values[i]` (null: skipped). */
const answersFor = (instrument: Instrument, values: (number | null)[]) =>
  Object.fromEntries(instrument.items.map((item, i) => [item.linkId, values[i] ?? null]));

interface Response {
  instrument: string;
  status: string;
  total: number | null;
  band: string | null;
  bandLabel: string | null;
  complete: boolean;
  source: string;
}
interface ErrorBody {
  error: { code: string; message: string };
}

describe.each(backends)('every instrument: staff entry and the phone link (%s)', (backend) => {
  let t: TestClinic;
  let patientId: string;
  const enter = async (role: 'nurse' | 'front_desk' | 'therapist', payload: Record<string, unknown>) =>
    call<{ response: Response; score: { complete: boolean } } & ErrorBody>(t.app, {
      method: 'POST',
      url: `/api/patients/${patientId}/questionnaires`,
      headers: await t.as(role),
      payload,
    });
  const chart = async () =>
    (
      await call<{ patient: { questionnaires: Response[] } }>(t.app, {
        method: 'GET',
        url: `/api/patients/${patientId}`,
        headers: await t.as('nurse'),
      })
    ).body.patient.questionnaires;

  beforeAll(async () => {
    t = await startClinic(backend);
    const p = await call<{ patient: { id: string } }>(t.app, {
      method: 'POST',
      url: '/api/patients',
      headers: await t.as('nurse'),
      payload: { givenName: 'Tomas', familyName: 'Reyes', birthDate: '1980-05-02', indicationCode: 'F43.10' },
    });
    patientId = p.body.patient.id;
  });
  afterAll(() => t.close());

  it('lets a nurse rate a MADRS (201, scored and banded) and refuses the front desk (403), saving nothing', async () => {
    // 2+3+2+4+1+3+2+3+2+0 = 22: moderate (20–34).
    const payload = {
      instrument: 'madrs',
      answers: answersFor(madrs, [2, 3, 2, 4, 1, 3, 2, 3, 2, 0]),
      authoredAt: '2026-11-20T10:00:00Z',
    };
    const before = await countRows(t.database.db, 'questionnaire_responses');
    const desk = await enter('front_desk', payload);
    expect(desk.status).toBe(403);
    expect(desk.body.error.message).toMatch(/MADRS is rated by a clinician/);
    expect(await countRows(t.database.db, 'questionnaire_responses')).toBe(before);

    const res = await enter('nurse', payload);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.response).toMatchObject({
      instrument: 'madrs',
      status: 'completed',
      total: 22,
      band: 'moderate',
      bandLabel: 'Moderate',
      complete: true,
      source: 'staff',
    });
  });

  it('lets the front desk enter a patient-rated pain score', async () => {
    const res = await enter('front_desk', { instrument: 'pain_nrs', answers: { '72514-3': 7 } });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.response).toMatchObject({ total: 7, band: 'severe', status: 'completed' });
  });

  it('scores a use diary as days used, and refuses more heavy days than days used', async () => {
    const ok = await enter('nurse', {
      instrument: 'use_diary',
      answers: { 'openkap-usediary-1': 2, 'openkap-usediary-2': 1 },
    });
    expect(ok.status, JSON.stringify(ok.body)).toBe(201);
    expect(ok.body.response).toMatchObject({ total: 2, band: 'some_use', status: 'completed' });
    const bad = await enter('nurse', {
      instrument: 'use_diary',
      answers: { 'openkap-usediary-1': 1, 'openkap-usediary-2': 3 },
    });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('item 2');
  });

  it('refuses an out-of-range answer with a 400 naming the item, and an unknown instrument, saving nothing', async () => {
    const before = await countRows(t.database.db, 'questionnaire_responses');
    const outOfRange = await enter('nurse', {
      instrument: 'madrs',
      answers: { ...answersFor(madrs, Array(10).fill(1)), 'openkap-madrs-3': 7 },
    });
    expect(outOfRange.status).toBe(400);
    expect(outOfRange.body.error).toMatchObject({ code: 'invalid_answer' });
    expect(outOfRange.body.error.message).toBe(
      'MADRS item 3 (openkap-madrs-3): the answer must be 0 to 6; got 7',
    );

    const pain = await enter('nurse', { instrument: 'pain_nrs', answers: { '72514-3': 11 } });
    expect(pain.status).toBe(400);
    expect(pain.body.error.message).toMatch(/Pain NRS item 1 \(72514-3\).*0 to 10; got 11/);

    const strayItem = await enter('nurse', { instrument: 'pcl5', answers: { 'openkap-pcl5-21': 1 } });
    expect(strayItem.status).toBe(400);
    expect(strayItem.body.error).toMatchObject({ code: 'unknown_item' });
    expect(strayItem.body.error.message).toMatch(/openkap-pcl5-21/);

    const unknown = await enter('nurse', { instrument: 'hamd17', answers: {} });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.message).toMatch(/unknown instrument "hamd17"/);
    expect(await countRows(t.database.db, 'questionnaire_responses')).toBe(before);
  });

  it('keeps a partial form as in progress: saved, never a score on the chart', async () => {
    // MADRS allows no unanswered item, so one skip leaves it unscored.
    const res = await enter('therapist', {
      instrument: 'madrs',
      answers: answersFor(madrs, [4, 4, 4, 4, 4, 4, 4, 4, 4, null]),
      authoredAt: '2026-11-20T11:00:00Z',
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.score.complete).toBe(false);
    const inProgress = {
      status: 'in_progress',
      complete: false,
      total: null,
      band: null,
      bandLabel: null,
    };
    expect(res.body.response).toMatchObject(inProgress);
    const madrsRows = (await chart()).filter((q) => q.instrument === 'madrs');
    expect(madrsRows.map((q) => q.status)).toEqual(['completed', 'in_progress']);
    expect(madrsRows[1]).toMatchObject(inProgress);
  });

  it('sends a PCL-5 to the phone, with its own answers, and scores what comes back', async () => {
    const link = await call<{ token: string }>(t.app, {
      method: 'POST',
      url: `/api/patients/${patientId}/questionnaire-links`,
      headers: await t.as('front_desk'),
      payload: { instruments: ['pcl5'] },
    });
    expect(link.status).toBe(201);
    const opened = await call<{
      instruments: { id: string; rater: string; items: { linkId: string; options: { label: string }[] }[] }[];
    }>(t.app, { method: 'GET', url: `/api/q/${link.body.token}` });
    expect(opened.body.instruments.map((i) => i.id)).toEqual(['pcl5']);
    const form = opened.body.instruments[0];
    expect(form?.rater).toBe('patient');
    expect(form?.items).toHaveLength(20);
    expect(form?.items[0]?.options.map((o) => o.label)).toEqual([
      'Not at all',
      'A little bit',
      'Moderately',
      'Quite a bit',
      'Extremely',
    ]);

    // An answer outside 0–4 is refused by name, and the link stays usable: nothing is lost.
    const bad = await call<ErrorBody>(t.app, {
      method: 'POST',
      url: `/api/q/${link.body.token}`,
      payload: { responses: [{ instrument: 'pcl5', answers: { 'openkap-pcl5-4': 5 } }] },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/PCL-5 item 4 \(openkap-pcl5-4\).*0 to 4; got 5/);

    // 20 items × 2 = 40: at or above the provisional cut-off of 33.
    const ok = await call(t.app, {
      method: 'POST',
      url: `/api/q/${link.body.token}`,
      payload: { responses: [{ instrument: 'pcl5', answers: answersFor(pcl5, Array(20).fill(2)) }] },
    });
    expect(ok.status).toBe(200);
    expect((await chart()).find((q) => q.instrument === 'pcl5')).toMatchObject({
      source: 'patient',
      status: 'completed',
      total: 40,
      band: 'provisional_ptsd',
    });
  });

  it('never sends a clinician-rated form to the phone, nor an unknown one', async () => {
    const send = async (instruments: string[]) =>
      call<ErrorBody>(t.app, {
        method: 'POST',
        url: `/api/patients/${patientId}/questionnaire-links`,
        headers: await t.as('nurse'),
        payload: { instruments },
      });
    const clinician = await send(['phq9', 'madrs']);
    expect(clinician.status).toBe(400);
    expect(clinician.body.error.message).toMatch(
      /MADRS is rated by a clinician from an interview and cannot be sent to the patient's phone/,
    );
    const unknown = await send(['hamd17']);
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.message).toMatch(/unknown instrument "hamd17"/);
  });
});
