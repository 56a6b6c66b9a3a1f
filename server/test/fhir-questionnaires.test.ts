import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends, startClinic, type TestClinic } from './harness.ts';
import {
  countRows,
  fhir,
  GAD7_ITEMS,
  LA,
  LOINC,
  patientResource,
  phq9,
  PHQ9_ITEMS,
  vital,
  type Outcome,
  type SearchSet,
} from './fhir-helpers.ts';

interface QuestionnaireResponse {
  resourceType: string;
  id: string;
  questionnaire: string;
  status: string;
  subject: { reference: string };
  authored: string;
  item: {
    linkId: string;
    text: string;
    answer: { valueCoding?: { system: string; code: string }; valueInteger?: number }[];
  }[];
}
interface ScoreObservation {
  resourceType: string;
  id: string;
  category: { coding: { code: string }[] }[];
  code: { coding: { system: string; code: string }[] };
  effectiveDateTime: string;
  valueInteger?: number;
  dataAbsentReason?: { coding: { code: string }[] };
  interpretation?: { text: string }[];
  derivedFrom: { reference: string }[];
}

describe.each(backends)('FHIR R4: QuestionnaireResponse and survey scores (%s)', (backend) => {
  let t: TestClinic;
  let nurse: Record<string, string>;
  let patientId: string;
  const post = (body: unknown) =>
    fhir<QuestionnaireResponse & Outcome>(t.app, 'POST', 'QuestionnaireResponse', { headers: nurse, body });

  beforeAll(async () => {
    t = await startClinic(backend);
    nurse = await t.as('nurse');
    patientId = (
      await fhir<{ id: string }>(t.app, 'POST', 'Patient', {
        headers: nurse,
        body: patientResource('Moody', 'Ines'),
      })
    ).body.id;
  });
  afterAll(() => t.close());

  it('scores a PHQ-9 sent with LOINC answer codes, makes its total searchable, and opens a safety alert for item 9', async () => {
    // 2+2+1+1+1+1+1+1+1 = 11 (moderate); item 9 "several days".
    const res = await post(phq9(patientId, [2, 2, 1, 1, 1, 1, 1, 1, 1], '2026-11-20T13:30:00Z'));
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.headers.location).toBe(`http://localhost:3000/fhir/R4/QuestionnaireResponse/${res.body.id}`);
    expect(res.body).toMatchObject({
      resourceType: 'QuestionnaireResponse',
      questionnaire: 'http://loinc.org/q/44249-1',
      status: 'completed',
      subject: { reference: `Patient/${patientId}` },
      authored: '2026-11-20T13:30:00.000Z',
    });
    expect(res.body.item.map((i) => i.linkId)).toEqual(PHQ9_ITEMS);
    expect(res.body.item[8]?.answer[0]?.valueCoding).toMatchObject({ system: LOINC, code: 'LA6569-3' });

    const read = await fhir<QuestionnaireResponse>(t.app, 'GET', `QuestionnaireResponse/${res.body.id}`, {
      headers: nurse,
    });
    expect(read.status).toBe(200);
    expect(read.body).toEqual(res.body);

    const scores = await fhir<SearchSet<ScoreObservation>>(
      t.app,
      'GET',
      `Observation?patient=${patientId}&code=${LOINC}|44261-6`,
      { headers: nurse },
    );
    expect(scores.body.total).toBe(1);
    const score = scores.body.entry?.[0]?.resource;
    expect(score).toMatchObject({
      resourceType: 'Observation',
      id: `qr-${res.body.id}`,
      valueInteger: 11,
      effectiveDateTime: '2026-11-20T13:30:00.000Z',
    });
    expect(score?.category[0]?.coding[0]?.code).toBe('survey');
    expect(score?.code.coding[0]).toMatchObject({ system: LOINC, code: '44261-6' });
    expect(score?.interpretation?.[0]?.text).toBe('Moderate');
    expect(score?.derivedFrom).toEqual([{ reference: `QuestionnaireResponse/${res.body.id}` }]);
    expect(
      (await fhir<ScoreObservation>(t.app, 'GET', `Observation/qr-${res.body.id}`, { headers: nurse })).body,
    ).toEqual(score);
    expect(
      (
        await fhir<SearchSet<ScoreObservation>>(
          t.app,
          'GET',
          `Observation?patient=${patientId}&category=survey`,
          { headers: nurse },
        )
      ).body.total,
    ).toBe(1);

    const alerts = await t.app.inject({ method: 'GET', url: '/api/safety-alerts', headers: nurse });
    const open = (JSON.parse(alerts.body) as { alerts: { patientId: string; kind: string }[] }).alerts;
    expect(open).toEqual([expect.objectContaining({ patientId, kind: 'phq9_item9' })]);
  });

  it('takes a GAD-7 with integer answers, a versioned canonical and the questions inside a group', async () => {
    const res = await post({
      resourceType: 'QuestionnaireResponse',
      questionnaire: 'http://loinc.org/q/69737-5|2.72',
      status: 'completed',
      subject: { reference: `Patient/${patientId}` },
      authored: '2026-11-20T13:35:00Z',
      item: [
        { linkId: 'gad7', item: GAD7_ITEMS.map((linkId) => ({ linkId, answer: [{ valueInteger: 1 }] })) },
      ],
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.questionnaire).toBe('http://loinc.org/q/69737-5');
    const scores = await fhir<SearchSet<ScoreObservation>>(
      t.app,
      'GET',
      `Observation?patient=${patientId}&code=70274-6`,
      { headers: nurse },
    );
    expect(scores.body.total).toBe(1);
    expect(scores.body.entry?.[0]?.resource.valueInteger).toBe(7);
  });

  it('reports an unscorable PHQ-9 total as absent, and accepts the total and difficulty items without storing them', async () => {
    const sparse = await post(phq9(patientId, [1, 1, 1, 1, 1, 1, null, null, null], '2026-11-20T13:40:00Z'));
    expect(sparse.status).toBe(201);
    const score = await fhir<ScoreObservation>(t.app, 'GET', `Observation/qr-${sparse.body.id}`, {
      headers: nurse,
    });
    expect(score.body.valueInteger).toBeUndefined();
    expect(score.body.dataAbsentReason?.coding[0]?.code).toBe('unknown');

    const withExtras = phq9(patientId, [0, 0, 0, 0, 0, 0, 0, 0, 0], '2026-11-20T13:45:00Z');
    withExtras.item.push(
      { linkId: '44261-6', answer: [{ valueCoding: { system: LOINC, code: 'LA6568-5' } }] },
      { linkId: '69722-7', answer: [{ valueCoding: { system: LOINC, code: 'LA6568-5' } }] },
    );
    expect((await post(withExtras)).status).toBe(201);
  });

  it('merges vital-sign and survey Observations in one search, newest first', async () => {
    await fhir(t.app, 'POST', 'Observation', {
      headers: nurse,
      body: vital(patientId, '8867-4', 66, '/min', '2026-11-20T13:32:00Z'),
    });
    const all = await fhir<SearchSet<ScoreObservation>>(
      t.app,
      'GET',
      `Observation?patient=${patientId}&date=ge2026-11-20T13:30:00Z&date=le2026-11-20T13:35:00Z`,
      { headers: nurse },
    );
    expect(all.body.total).toBe(3);
    expect(all.body.entry?.map((e) => e.resource.code.coding[0]?.code)).toEqual([
      '70274-6',
      '8867-4',
      '44261-6',
    ]);
    const page = await fhir<SearchSet<ScoreObservation>>(
      t.app,
      'GET',
      `Observation?patient=${patientId}&date=ge2026-11-20T13:30:00Z&date=le2026-11-20T13:35:00Z&_count=1&_offset=1`,
      { headers: nurse },
    );
    expect(page.body.entry?.map((e) => e.resource.code.coding[0]?.code)).toEqual(['8867-4']);
  });

  it('refuses bad QuestionnaireResponses with a 400 OperationOutcome and stores nothing', async () => {
    const responsesBefore = await countRows(t.database.db, 'questionnaire_responses');
    const alertsBefore = await countRows(t.database.db, 'safety_alerts');
    const good = phq9(patientId, [3, 3, 3, 3, 3, 3, 3, 3, 3], '2026-11-20T13:50:00Z');
    const withItem = (index: number, item: unknown) => ({
      ...good,
      item: good.item.map((it, i) => (i === index ? item : it)),
    });
    const cases: [string, unknown, number, string | undefined][] = [
      [
        'unknown linkId',
        withItem(0, { linkId: '12345-6', answer: [{ valueInteger: 1 }] }),
        400,
        'QuestionnaireResponse.item[0].linkId',
      ],
      [
        'unknown answer code',
        withItem(8, { linkId: '44260-8', answer: [{ valueCoding: { system: LOINC, code: 'LA0000-0' } }] }),
        400,
        'QuestionnaireResponse.item[8].answer[0].valueCoding.code',
      ],
      [
        'answer out of range',
        withItem(2, { linkId: '44259-0', answer: [{ valueInteger: 4 }] }),
        400,
        'QuestionnaireResponse.item[2].answer[0].valueInteger',
      ],
      [
        'answer as text',
        withItem(2, { linkId: '44259-0', answer: [{ valueString: 'often' }] }),
        400,
        'QuestionnaireResponse.item[2].answer[0]',
      ],
      [
        'two answers',
        withItem(2, { linkId: '44259-0', answer: [{ valueInteger: 1 }, { valueInteger: 2 }] }),
        400,
        'QuestionnaireResponse.item[2].answer',
      ],
      ['answered twice', withItem(1, good.item[0]), 400, 'QuestionnaireResponse.item[1].linkId'],
      [
        'unknown questionnaire',
        { ...good, questionnaire: 'http://loinc.org/q/89204-2' },
        400,
        'QuestionnaireResponse.questionnaire',
      ],
      ['no authored', { ...good, authored: undefined }, 400, 'QuestionnaireResponse.authored'],
      [
        'authored in the future',
        { ...good, authored: '2026-12-01T10:00:00Z' },
        400,
        'QuestionnaireResponse.authored',
      ],
      ['in progress', { ...good, status: 'in-progress' }, 422, 'QuestionnaireResponse.status'],
      ['no subject', { ...good, subject: undefined }, 400, 'QuestionnaireResponse.subject'],
      [
        'unknown patient',
        { ...good, subject: { reference: 'Patient/7d0b6f0e-7a59-4c39-9f8e-2a0d1e7d0000' } },
        400,
        'QuestionnaireResponse.subject',
      ],
      [
        'wrong resourceType',
        { ...good, resourceType: 'Questionnaire' },
        400,
        'QuestionnaireResponse.resourceType',
      ],
    ];
    for (const [name, body, status, expression] of cases) {
      const res = await post(body);
      expect(res.status, `${name}: ${JSON.stringify(res.body)}`).toBe(status);
      expect(res.body.resourceType, name).toBe('OperationOutcome');
      if (expression) {
        expect(res.body.issue[0]?.expression, name).toEqual([expression]);
      }
    }
    expect(LA).toHaveLength(4);
    expect(await countRows(t.database.db, 'questionnaire_responses')).toBe(responsesBefore);
    expect(await countRows(t.database.db, 'safety_alerts')).toBe(alertsBefore);
  });

  it('reads unknown QuestionnaireResponses as 404, searches them, and refuses updates (405)', async () => {
    expect(
      (
        await fhir<Outcome>(t.app, 'GET', 'QuestionnaireResponse/7d0b6f0e-7a59-4c39-9f8e-2a0d1e7d0000', {
          headers: nurse,
        })
      ).status,
    ).toBe(404);
    const all = await fhir<SearchSet<QuestionnaireResponse>>(
      t.app,
      'GET',
      `QuestionnaireResponse?patient=${patientId}&_sort=authored`,
      { headers: nurse },
    );
    expect(all.status).toBe(200);
    // PHQ-9, GAD-7, the sparse PHQ-9 and the one with extras, oldest first.
    expect(all.body.entry?.map((e) => e.resource.authored)).toEqual([
      '2026-11-20T13:30:00.000Z',
      '2026-11-20T13:35:00.000Z',
      '2026-11-20T13:40:00.000Z',
      '2026-11-20T13:45:00.000Z',
    ]);
    expect(all.body.entry?.map((e) => e.resource.status)).toEqual([
      'completed',
      'completed',
      'in-progress',
      'completed',
    ]);
    const gad = await fhir<SearchSet<QuestionnaireResponse>>(
      t.app,
      'GET',
      `QuestionnaireResponse?subject=Patient/${patientId}&questionnaire=http://loinc.org/q/69737-5`,
      { headers: nurse },
    );
    expect(gad.body.total).toBe(1);
    expect(gad.body.entry?.[0]?.resource.questionnaire).toBe('http://loinc.org/q/69737-5');
    const inProgress = await fhir<SearchSet<QuestionnaireResponse>>(
      t.app,
      'GET',
      `QuestionnaireResponse?patient=${patientId}&status=in-progress&authored=ge2026-11-20`,
      { headers: nurse },
    );
    expect(inProgress.body.total).toBe(1);
    expect(
      (await fhir<Outcome>(t.app, 'PUT', 'QuestionnaireResponse/x', { headers: nurse, body: {} })).status,
    ).toBe(405);
  });
});
