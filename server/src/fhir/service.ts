import type { Kysely } from 'kysely';
import { DomainError } from '@openkap/domain/errors';
import type { DB } from '../db/types.ts';
import { inClinic } from '../db/clinic-scope.ts';
import type { Caller } from '../auth/caller.ts';
import { requirePermission } from '../auth/permissions.ts';
import { audit } from '../audit/store.ts';
import { AppError } from '../http/errors.ts';
import * as patients from '../patients/store.ts';
import * as questionnaires from '../questionnaires/store.ts';
import { recordResponse, requireMayEnter } from '../questionnaires/service.ts';
import { recordPatientVitals } from '../infusions/vitals.ts';
import type { LiveInfusions } from '../infusions/live.ts';
import { instruments } from '@openkap/domain/instruments/registry';
import { instrumentByQuestionnaireId, vitalCodes } from './codes.ts';
import { FhirError, invalid, notFound, unprocessable } from './outcome.ts';
import { patientFromResource, patientResource } from './patient-map.ts';
import { SCORE_ID_PREFIX, scoreObservation, vitalFromResource, vitalObservation } from './observation-map.ts';
import { questionnaireResource } from './questionnaire-map.ts';
import { questionnaireResponseResource, responseFromResource } from './questionnaire-response-map.ts';
import { questionnaireMatches, type ObservationFilter, type QuestionnaireFilter } from './search.ts';
import * as store from './store.ts';
import type { Observation, Patient, Questionnaire, QuestionnaireResponse } from './types.ts';
import { isUuid } from './validate.ts';

// FHIR use cases: permission, clinic fence, audit. Every read and write of patient data is audited
// in the same transaction; writes reuse the services the staff app uses (alerts, scoring, safety).

export interface FhirDeps {
  db: Kysely<DB>;
  live: LiveInfusions;
  now: () => Date;
}

const isUniqueViolation = (err: unknown): boolean => (err as { code?: unknown } | null)?.code === '23505';

export async function createPatient(deps: FhirDeps, caller: Caller, body: unknown): Promise<Patient> {
  requirePermission(caller, 'patients.write');
  const { mrn, input } = patientFromResource(body);
  try {
    return await inClinic(deps.db, caller.clinicId, async (tx) => {
      if (mrn && (await patients.findPatientByMrn(tx, mrn))) {
        throw unprocessable(
          `A patient with MRN ${mrn} already exists in this clinic.`,
          'Patient.identifier',
          'duplicate',
        );
      }
      const id = await patients.insertPatient(tx, {
        clinicId: caller.clinicId,
        mrn: mrn ?? (await patients.nextMrn(tx)),
        givenName: input.givenName,
        familyName: input.familyName,
        birthDate: input.birthDate,
        sex: input.sex,
        phone: input.phone,
        email: input.email,
        address: input.address,
        indicationCode: input.indicationCode,
        indicationText: input.indicationText,
        allergies: input.allergies,
        conditions: input.conditions,
      });
      await audit(tx, caller, {
        action: 'create',
        entity: 'patient',
        entityId: id,
        patientId: id,
        detail: { via: 'fhir' },
      });
      const row = await patients.findPatient(tx, id);
      if (!row) {
        throw new Error('patient vanished inside its own transaction');
      }
      return patientResource(row);
    });
  } catch (err) {
    // Two creates racing for the next MRN: nothing was saved, the client may simply retry.
    if (isUniqueViolation(err)) {
      throw new FhirError(409, {
        code: 'conflict',
        diagnostics: 'Another patient took this MRN at the same moment; nothing was saved. Retry.',
      });
    }
    throw err;
  }
}

export async function readPatient(deps: FhirDeps, caller: Caller, id: string): Promise<Patient> {
  requirePermission(caller, 'patients.read');
  if (!isUuid(id)) {
    throw notFound(`Patient/${id} is not known.`);
  }
  return inClinic(deps.db, caller.clinicId, async (tx) => {
    const row = await patients.findPatient(tx, id);
    if (!row) {
      throw notFound(`Patient/${id} is not known.`);
    }
    await audit(tx, caller, {
      action: 'read',
      entity: 'patient',
      entityId: id,
      patientId: id,
      detail: { via: 'fhir' },
    });
    return patientResource(row);
  });
}

export async function searchPatients(
  deps: FhirDeps,
  caller: Caller,
  filter: store.PatientFilter,
  page: store.Page,
  used: string[],
): Promise<{ total: number; resources: Patient[] }> {
  requirePermission(caller, 'patients.read');
  return inClinic(deps.db, caller.clinicId, async (tx) => {
    const { rows, total } = await store.searchPatients(tx, caller.clinicId, filter, page);
    await audit(tx, caller, {
      action: 'search',
      entity: 'patient',
      detail: { via: 'fhir', params: used, results: rows.length },
    });
    return { total, resources: rows.map(patientResource) };
  });
}

export async function createObservation(deps: FhirDeps, caller: Caller, body: unknown): Promise<Observation> {
  requirePermission(caller, 'infusions.chart');
  const v = vitalFromResource(body);
  const subjectMissing = (): FhirError =>
    new FhirError(400, {
      code: 'not-found',
      diagnostics: `Observation.subject: Patient/${v.patientId} does not exist in this clinic.`,
      expression: 'Observation.subject',
    });
  if (!isUuid(v.patientId)) {
    throw subjectMissing();
  }
  let ids: string[];
  try {
    ({ ids } = await recordPatientVitals(
      deps.db,
      deps.live,
      caller,
      v.patientId,
      v.set,
      'fhir',
      v.device,
      deps.now(),
    ));
  } catch (err) {
    if (err instanceof AppError && err.status === 404) {
      throw subjectMissing();
    }
    // checkVitalSet's 400s: a reading dated in the future (points at the effective time) or no value.
    if (err instanceof AppError && err.status === 400) {
      throw invalid(err.message, /future/.test(err.message) ? v.effectivePath : undefined, 'value');
    }
    if (err instanceof DomainError) {
      // validateVitalReading refused a value no living patient shows (negative HR, SpO2 above 100 %).
      const kind = String(err.details.kind ?? err.details.field ?? '');
      const paths = Object.entries(v.valuePaths);
      const path = paths.find(([k]) => k === kind)?.[1] ?? paths[0]?.[1];
      throw unprocessable(err.message, path, 'business-rule');
    }
    throw err;
  }
  const id = ids[0];
  if (!id) {
    throw new Error('no vital sign row was stored');
  }
  // Read back what was stored (its own create is already audited).
  const row = await inClinic(deps.db, caller.clinicId, (tx) => store.findVital(tx, id));
  if (!row) {
    throw new Error('stored vital sign not found');
  }
  return vitalObservation(row);
}

export async function readObservation(deps: FhirDeps, caller: Caller, id: string): Promise<Observation> {
  requirePermission(caller, 'patients.read');
  const responseId = id.startsWith(SCORE_ID_PREFIX) ? id.slice(SCORE_ID_PREFIX.length) : undefined;
  if (!isUuid(responseId ?? id)) {
    throw notFound(`Observation/${id} is not known.`);
  }
  return inClinic(deps.db, caller.clinicId, async (tx) => {
    const row = responseId ? await store.findScore(tx, responseId) : await store.findVital(tx, id);
    if (!row) {
      throw notFound(`Observation/${id} is not known.`);
    }
    await audit(tx, caller, {
      action: 'read',
      entity: 'observation',
      entityId: id,
      patientId: row.patient_id,
      detail: { via: 'fhir' },
    });
    return 'kind' in row ? vitalObservation(row) : scoreObservation(row);
  });
}

/** When every vital kind is wanted the kind filter is left out. */
const ALL_VITAL_KINDS = Object.keys(vitalCodes).length;

const effectiveTime = (o: Observation): number => Date.parse(o.effectiveDateTime ?? '');

export async function searchObservations(
  deps: FhirDeps,
  caller: Caller,
  f: ObservationFilter,
  desc: boolean,
  page: store.Page,
  used: string[],
): Promise<{ total: number; resources: Observation[] }> {
  requirePermission(caller, 'patients.read');
  const nobody = f.patientIds !== undefined && f.patientIds.length === 0;
  const wantVitals = !nobody && f.vitalKinds.length > 0;
  const wantScores = !nobody && f.instruments.length > 0;
  // Two sources: fetch the first offset+limit of each, merge by time, cut the page.
  const both = wantVitals && wantScores;
  const fetch: store.Page = both ? { limit: page.offset + page.limit, offset: 0 } : page;
  return inClinic(deps.db, caller.clinicId, async (tx) => {
    const vitals = wantVitals
      ? await store.searchVitals(
          tx,
          caller.clinicId,
          {
            patientIds: f.patientIds,
            kinds: f.vitalKinds.length < ALL_VITAL_KINDS ? f.vitalKinds : undefined,
            dates: f.dates,
            desc,
          },
          fetch,
        )
      : { rows: [], total: 0 };
    const scores = wantScores
      ? await store.searchScores(
          tx,
          caller.clinicId,
          { patientIds: f.patientIds, instruments: f.instruments.map((i) => i.id), dates: f.dates, desc },
          fetch,
        )
      : { rows: [], total: 0 };
    let resources = [...vitals.rows.map(vitalObservation), ...scores.rows.map(scoreObservation)];
    if (both) {
      resources.sort(
        (a, b) =>
          (desc ? -1 : 1) * (effectiveTime(a) - effectiveTime(b) || (a.id ?? '').localeCompare(b.id ?? '')),
      );
      resources = resources.slice(page.offset, page.offset + page.limit);
    }
    const onePatient = f.patientIds?.length === 1 ? f.patientIds[0] : undefined;
    await audit(tx, caller, {
      action: 'search',
      entity: 'observation',
      ...(onePatient ? { patientId: onePatient } : {}),
      detail: { via: 'fhir', params: used, results: resources.length },
    });
    return { total: vitals.total + scores.total, resources };
  });
}

export async function createQuestionnaireResponse(
  deps: FhirDeps,
  caller: Caller,
  body: unknown,
): Promise<QuestionnaireResponse> {
  requirePermission(caller, 'questionnaires.enter');
  const r = responseFromResource(body);
  // A clinician-rated form (MADRS) only from clinical staff, as in the staff app.
  requireMayEnter(caller, r.instrument.id);
  const now = deps.now();
  return inClinic(deps.db, caller.clinicId, async (tx) => {
    if (!isUuid(r.patientId) || !(await store.patientExists(tx, r.patientId))) {
      throw new FhirError(400, {
        code: 'not-found',
        diagnostics: `QuestionnaireResponse.subject: Patient/${r.patientId} does not exist in this clinic.`,
        expression: 'QuestionnaireResponse.subject',
      });
    }
    let responseId: string;
    try {
      // Scores it and, for a positive PHQ-9 item 9, opens the safety alert in this same transaction.
      const recorded = await recordResponse(
        tx,
        {
          clinicId: caller.clinicId,
          patientId: r.patientId,
          instrument: r.instrument.id,
          answers: r.answers,
          authoredAt: r.authoredAt,
          source: 'fhir',
          enteredBy: caller.staffId,
          actor: `staff:${caller.staffId}`,
        },
        now,
      );
      responseId = recorded.response.id;
    } catch (err) {
      // recordResponse's 400: an assessment authored in the future.
      if (err instanceof AppError && err.status === 400) {
        throw invalid(
          err.message,
          /future/.test(err.message) ? 'QuestionnaireResponse.authored' : undefined,
          'value',
        );
      }
      throw err;
    }
    const row = await questionnaires.findResponse(tx, responseId);
    if (!row) {
      throw new Error('response vanished inside its own transaction');
    }
    return questionnaireResponseResource(row);
  });
}

export async function readQuestionnaireResponse(
  deps: FhirDeps,
  caller: Caller,
  id: string,
): Promise<QuestionnaireResponse> {
  requirePermission(caller, 'patients.read');
  if (!isUuid(id)) {
    throw notFound(`QuestionnaireResponse/${id} is not known.`);
  }
  return inClinic(deps.db, caller.clinicId, async (tx) => {
    const row = await questionnaires.findResponse(tx, id);
    if (!row) {
      throw notFound(`QuestionnaireResponse/${id} is not known.`);
    }
    await audit(tx, caller, {
      action: 'read',
      entity: 'questionnaire_response',
      entityId: id,
      patientId: row.patient_id,
      detail: { via: 'fhir' },
    });
    return questionnaireResponseResource(row);
  });
}

export async function searchQuestionnaireResponses(
  deps: FhirDeps,
  caller: Caller,
  f: store.ResponseFilter,
  desc: boolean,
  page: store.Page,
  used: string[],
): Promise<{ total: number; resources: QuestionnaireResponse[] }> {
  requirePermission(caller, 'patients.read');
  return inClinic(deps.db, caller.clinicId, async (tx) => {
    const { rows, total } = await store.searchResponses(tx, caller.clinicId, f, desc, page);
    const onePatient = f.patientIds?.length === 1 ? f.patientIds[0] : undefined;
    await audit(tx, caller, {
      action: 'search',
      entity: 'questionnaire_response',
      ...(onePatient ? { patientId: onePatient } : {}),
      detail: { via: 'fhir', params: used, results: rows.length },
    });
    return { total, resources: rows.map(questionnaireResponseResource) };
  });
}

// Questionnaires are the registry's forms, not patient data: no clinic fence, no audit.

export function readQuestionnaire(id: string): Questionnaire {
  const instrument = instrumentByQuestionnaireId(id);
  if (!instrument) {
    throw notFound(`Questionnaire/${id} is not known.`);
  }
  return questionnaireResource(instrument);
}

export function searchQuestionnaires(
  f: QuestionnaireFilter,
  page: store.Page,
): { total: number; resources: Questionnaire[] } {
  const matches = Object.values(instruments)
    .map(questionnaireResource)
    .filter((q) => questionnaireMatches(f, q));
  return { total: matches.length, resources: matches.slice(page.offset, page.offset + page.limit) };
}
