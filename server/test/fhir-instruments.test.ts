import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends, startClinic, type TestClinic } from './harness.ts';
import { countRows, fhir, LOINC, patientResource, type Outcome, type SearchSet } from './fhir-helpers.ts';

// The instruments as FHIR Questionnaires, and QuestionnaireResponses / score Observations for the ones
// beyond PHQ-9 and GAD-7 (issue 4).

const OPENKAP_Q = 'https://openkap.org/fhir/Questionnaire';
const SCORE_SYSTEM = 'https://openkap.org/fhir/CodeSystem/questionnaire-score';
const ORDINAL = 'http://hl7.org/fhir/StructureDefinition/ordinalValue';
const LABEL = 'https://openkap.org/fhir/StructureDefinition/answer-label';

interface AnswerOption {
  valueCoding?: { system: string; code: string; display: string; extension?: unknown[] };
  valueInteger?: number;
  extension?: { url: string; valueString: string }[];
}
interface Questionnaire {
  resourceType: string;
  id: string;
  url: string;
  name: string;
  title: string;
  status: string;
  code?: { system: string; code: string }[];
  item: {
    linkId: string;
    type: string;
    text: string;
    code?: { system: string; code: string }[];
    required?: boolean;
    answerOption?: AnswerOption[];
  }[];
}
interface QuestionnaireResponse {
  resourceType: string;
  id: string;
  questionnaire: string;
  status: string;
  item: { linkId: string; answer: { valueCoding?: { code: string }; valueInteger?: number }[] }[];
}
interface ScoreObservation {
  id: string;
  code: { coding: { system: string; code: string }[]; text: string };
  valueInteger?: number;
  interpretation?: { text: string }[];
}

describe.each(backends)('FHIR R4: Questionnaire and every instrument (%s)', (backend) => {
  let t: TestClinic;
  let nurse: Record<string, string>;
  let patientId: string;
  const get = <T>(path: string, headers = nurse) => fhir<T>(t.app, 'GET', path, { headers });
  const response = (questionnaire: string, item: unknown[], authored = '2026-11-20T12:00:00Z') => ({
    resourceType: 'QuestionnaireResponse',
    questionnaire,
    status: 'completed',
    subject: { reference: `Patient/${patientId}` },
    authored,
    item,
  });

  beforeAll(async () => {
    t = await startClinic(backend);
    nurse = await t.as('nurse');
    patientId = (
      await fhir<{ id: string }>(t.app, 'POST', 'Patient', {
        headers: nurse,
        body: patientResource('Okafor', 'Chidi'),
      })
    ).body.id;
  });
  afterAll(() => t.close());

  it('publishes every instrument as a Questionnaire: LOINC canonicals for LOINC panels, ours otherwise', async () => {
    const all = await get<SearchSet<Questionnaire>>('Questionnaire');
    expect(all.status).toBe(200);
    expect(all.body.total).toBe(8);
    expect(Object.fromEntries((all.body.entry ?? []).map((e) => [e.resource.id, e.resource.url]))).toEqual({
      phq9: 'http://loinc.org/q/44249-1',
      gad7: 'http://loinc.org/q/69737-5',
      madrs: `${OPENKAP_Q}/madrs`,
      pcl5: `${OPENKAP_Q}/pcl5`,
      cadss: `${OPENKAP_Q}/cadss`,
      pacs: `${OPENKAP_Q}/pacs`,
      'pain-nrs': `${OPENKAP_Q}/pain-nrs`,
      'use-diary': `${OPENKAP_Q}/use-diary`,
    });
    expect(all.body.entry?.[0]?.fullUrl).toBe('http://localhost:3000/fhir/R4/Questionnaire/phq9');

    const byName = await get<SearchSet<Questionnaire>>('Questionnaire?name=phq');
    expect(byName.body.entry?.map((e) => e.resource.name)).toEqual(['PHQ9']);
    const byUrl = await get<SearchSet<Questionnaire>>(`Questionnaire?url=${OPENKAP_Q}/madrs`);
    expect(byUrl.body.entry?.map((e) => e.resource.id)).toEqual(['madrs']);
    expect((await get<SearchSet<Questionnaire>>('Questionnaire?name:exact=phq9')).body.total).toBe(0);
    expect(
      (await get<SearchSet<Questionnaire>>('Questionnaire?url=http://loinc.org/q/44249-1')).body.total,
    ).toBe(1);
    expect((await get<SearchSet<Questionnaire>>('Questionnaire?title:contains=ptsd')).body.total).toBe(1);
    expect((await fhir<Outcome>(t.app, 'GET', 'Questionnaire')).status).toBe(401);
  });

  it('reads a Questionnaire with LOINC item and answer codes where they exist, integers with their wording elsewhere', async () => {
    const pain = await get<Questionnaire>('Questionnaire/pain-nrs');
    expect(pain.status).toBe(200);
    expect(pain.body).toMatchObject({
      resourceType: 'Questionnaire',
      id: 'pain-nrs',
      url: `${OPENKAP_Q}/pain-nrs`,
      name: 'PainNRS',
      status: 'active',
    });
    expect(pain.body.code).toBeUndefined();
    const [prompt, question] = pain.body.item;
    expect(prompt).toMatchObject({ linkId: 'prompt', type: 'display' });
    expect(question).toMatchObject({
      linkId: '72514-3',
      type: 'choice',
      code: [{ system: LOINC, code: '72514-3' }],
    });
    expect(question?.answerOption).toHaveLength(11);
    expect(question?.answerOption?.[7]?.valueCoding).toEqual({
      extension: [{ url: ORDINAL, valueDecimal: 7 }],
      system: LOINC,
      code: 'LA10139-6',
      display: '7',
    });

    const phq9 = await get<Questionnaire>('Questionnaire/phq9');
    expect(phq9.body.code).toEqual([{ system: LOINC, code: '44249-1' }]);
    expect(phq9.body.item[1]).toMatchObject({
      linkId: '44250-9',
      code: [{ system: LOINC, code: '44250-9' }],
    });

    const madrs = await get<Questionnaire>('Questionnaire/madrs');
    const first = madrs.body.item[1];
    expect(first).toMatchObject({ linkId: 'openkap-madrs-1', type: 'integer', required: true });
    expect(first?.code).toBeUndefined();
    expect(first?.answerOption?.map((o) => o.valueInteger)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(first?.answerOption?.[0]?.extension).toEqual([{ url: LABEL, valueString: 'No sadness' }]);

    const missing = await get<Outcome>('Questionnaire/hamd17');
    expect(missing.status).toBe(404);
    expect(missing.body.resourceType).toBe('OperationOutcome');
  });

  it('takes a pain NRS QuestionnaireResponse and writes its score under LOINC 72514-3', async () => {
    const res = await fhir<QuestionnaireResponse & Outcome>(t.app, 'POST', 'QuestionnaireResponse', {
      headers: nurse,
      body: response(`${OPENKAP_Q}/pain-nrs`, [
        { linkId: 'prompt' },
        { linkId: '72514-3', answer: [{ valueCoding: { system: LOINC, code: 'LA10139-6' } }] },
      ]),
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({ questionnaire: `${OPENKAP_Q}/pain-nrs`, status: 'completed' });
    expect(res.body.item).toEqual([
      {
        linkId: '72514-3',
        text: 'What was your average pain over the last 24 hours?',
        answer: [{ valueCoding: { system: LOINC, code: 'LA10139-6', display: '7' } }],
      },
    ]);
    expect((await get<QuestionnaireResponse>(`QuestionnaireResponse/${res.body.id}`)).body).toEqual(res.body);

    const scores = await get<SearchSet<ScoreObservation>>(
      `Observation?patient=${patientId}&code=${LOINC}|72514-3`,
    );
    expect(scores.body.total).toBe(1);
    expect(scores.body.entry?.[0]?.resource).toMatchObject({
      id: `qr-${res.body.id}`,
      code: { coding: [{ system: LOINC, code: '72514-3' }] },
      valueInteger: 7,
      interpretation: [{ text: 'Severe' }],
    });
    const found = await get<SearchSet<QuestionnaireResponse>>(
      `QuestionnaireResponse?patient=${patientId}&questionnaire=Questionnaire/pain-nrs`,
    );
    expect(found.body.entry?.map((e) => e.resource.id)).toEqual([res.body.id]);
  });

  it('takes a MADRS from a nurse, not from the front desk, and codes its total in our own system', async () => {
    const body = response(
      `${OPENKAP_Q}/madrs`,
      Array.from({ length: 10 }, (_, i) => ({
        linkId: `openkap-madrs-${i + 1}`,
        answer: [{ valueInteger: 3 }],
      })),
      '2026-11-20T12:30:00Z',
    );
    const before = await countRows(t.database.db, 'questionnaire_responses');
    const desk = await fhir<Outcome>(t.app, 'POST', 'QuestionnaireResponse', {
      headers: await t.as('front_desk'),
      body,
    });
    expect(desk.status).toBe(403);
    expect(desk.body.issue[0]?.diagnostics).toMatch(/MADRS is rated by a clinician/);
    expect(await countRows(t.database.db, 'questionnaire_responses')).toBe(before);

    const res = await fhir<QuestionnaireResponse>(t.app, 'POST', 'QuestionnaireResponse', {
      headers: nurse,
      body,
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.item[0]?.answer).toEqual([{ valueInteger: 3 }]);
    const scores = await get<SearchSet<ScoreObservation>>(
      `Observation?patient=${patientId}&code=${SCORE_SYSTEM}|madrs`,
    );
    expect(scores.body.total).toBe(1);
    expect(scores.body.entry?.[0]?.resource).toMatchObject({
      code: { coding: [{ system: SCORE_SYSTEM, code: 'madrs' }], text: 'MADRS total score' },
      valueInteger: 30,
    });
    // Every instrument's totals are survey Observations.
    expect(
      (await get<SearchSet<ScoreObservation>>(`Observation?patient=${patientId}&category=survey`)).body.total,
    ).toBe(2);
  });

  it('refuses a coded answer to an item whose answers are integers, pointing at it', async () => {
    const res = await fhir<Outcome>(t.app, 'POST', 'QuestionnaireResponse', {
      headers: nurse,
      body: response(`${OPENKAP_Q}/pcl5`, [
        { linkId: 'openkap-pcl5-1', answer: [{ valueCoding: { system: LOINC, code: 'LA6568-5' } }] },
      ]),
    });
    expect(res.status).toBe(400);
    expect(res.body.issue[0]?.expression).toEqual([
      'QuestionnaireResponse.item[0].answer[0].valueCoding.code',
    ]);
    expect(res.body.issue[0]?.diagnostics).toMatch(/send valueInteger/);
    const old = await fhir<Outcome>(t.app, 'POST', 'QuestionnaireResponse', {
      headers: nurse,
      body: response('http://loinc.org/q/madrs', []),
    });
    expect(old.status).toBe(400);
    expect(old.body.issue[0]?.diagnostics).toContain(`${OPENKAP_Q}/madrs (MADRS)`);
  });
});
