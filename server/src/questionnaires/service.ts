import type { Kysely } from 'kysely';
import {
  scoreQuestionnaire,
  safetyThreshold,
  type QuestionnaireScore,
} from '@openkap/domain/instruments/score';
import { safetyAlertKind } from '@openkap/domain/instruments/safety';
import { defaultClinicSettings, type ClinicSettings } from '@openkap/domain/clinics/settings';
import { optionsFor, maxTotal } from '@openkap/domain/instruments/answers';
import { getInstrument, instruments } from '@openkap/domain/instruments/registry';
import type { QuestionnaireInput, QuestionnaireLinkInput } from '@openkap/domain/instruments/schema';
import type { AnswerOption } from '@openkap/domain/instruments/types';
import type { DB } from '../db/types.ts';
import { inClinic, type Tx } from '../db/clinic-scope.ts';
import type { Caller } from '../auth/caller.ts';
import { can, requirePermission } from '../auth/permissions.ts';
import { audit } from '../audit/store.ts';
import { AppError, badRequest, notFound } from '../http/errors.ts';
import { hashToken, newToken } from '../auth/tokens.ts';
import { requirePatient } from '../patients/service.ts';
import { clinicSettings } from '../clinics/service.ts';
import * as store from './store.ts';
import { questionnaireView, type QuestionnaireView } from './view.ts';

export interface RecordedResponse {
  response: QuestionnaireView;
  score: QuestionnaireScore;
}

/**
 * Scores and stores one assessment. In the same transaction, so the response is never saved without
 * them: a positive safety item (PHQ-9 item 9, MADRS item 10 at the clinic's level) opens an urgent
 * safety alert, and an unanswered or declined one an urgent safety task to ask it in person.
 */
export async function recordResponse(
  tx: Tx,
  r: {
    clinicId: string;
    patientId: string;
    instrument: string;
    answers: Record<string, number | null>;
    /** Items the patient chose "prefer not to answer" for. */
    declined?: readonly string[];
    authoredAt: Date;
    source: 'patient' | 'staff' | 'fhir';
    enteredBy: string | null;
    actor: string;
  },
  now: Date,
): Promise<RecordedResponse> {
  if (r.authoredAt.getTime() > now.getTime() + 5 * 60_000) {
    throw badRequest('an assessment cannot be authored in the future');
  }
  const score = scoreQuestionnaire(r.instrument, r.answers, {
    declined: r.declined ?? [],
    safetyThresholds: await clinicSettings(tx, r.clinicId),
  });
  const id = await store.insertResponse(tx, {
    clinicId: r.clinicId,
    patientId: r.patientId,
    instrument: r.instrument,
    answers: r.answers,
    declinedItems: score.declinedItems,
    total: score.complete ? score.total : null,
    band: score.complete ? score.band.id : null,
    complete: score.complete,
    imputed: score.complete && score.imputed,
    safetyAlert: score.safetyAlert != null,
    authoredAt: r.authoredAt,
    source: r.source,
    enteredBy: r.enteredBy,
  });
  // An alert for a positive answer, a task for an unanswered one: one list, told apart by kind.
  const followUp = score.safetyAlert ?? score.safetyTask;
  if (followUp) {
    await store.openSafetyAlert(tx, {
      clinicId: r.clinicId,
      patientId: r.patientId,
      kind: followUp.kind,
      responseId: id,
      message: followUp.message,
      at: now,
    });
  }
  await audit(
    tx,
    { clinicId: r.clinicId, actor: r.actor },
    {
      action: 'create',
      entity: 'questionnaire_response',
      entityId: id,
      patientId: r.patientId,
      detail: { instrument: r.instrument, source: r.source },
    },
  );
  const row = await store.findResponse(tx, id);
  if (!row) {
    throw new Error('response vanished inside its own transaction');
  }
  return { response: questionnaireView(row), score };
}

/**
 * Staff may enter a patient's own answers (read out, or from paper); a clinician's scale (MADRS, a
 * judgement from an interview; CADSS, given at the chair during dosing) only clinical staff record.
 */
export function requireMayEnter(caller: Caller, instrumentId: string): void {
  requirePermission(caller, 'questionnaires.enter');
  const instrument = getInstrument(instrumentId);
  if (instrument.rater === 'clinician' && !can(caller, 'questionnaires.rate')) {
    throw new AppError(
      403,
      'forbidden',
      `${instrument.shortTitle} is ${instrument.administeredAs ?? 'rated by a clinician'}; a ${caller.role.replace('_', ' ')} may not enter it (questionnaires.rate)`,
    );
  }
}

export async function enterResponse(
  db: Kysely<DB>,
  caller: Caller,
  patientId: string,
  input: QuestionnaireInput,
  now: Date,
): Promise<RecordedResponse> {
  requireMayEnter(caller, input.instrument);
  return inClinic(db, caller.clinicId, async (tx) => {
    await requirePatient(tx, patientId);
    return recordResponse(
      tx,
      {
        clinicId: caller.clinicId,
        patientId,
        instrument: input.instrument,
        answers: input.answers,
        declined: input.declined ?? [],
        authoredAt: input.authoredAt ? new Date(input.authoredAt) : now,
        source: 'staff',
        enteredBy: caller.staffId,
        actor: `staff:${caller.staffId}`,
      },
      now,
    );
  });
}

const optionView = (o: AnswerOption) => ({ value: o.value, code: o.loinc ?? null, label: o.label });

/** The registry's forms as clients render them, with the clinic's safety thresholds where known. */
export function instrumentCatalog(settings: ClinicSettings = defaultClinicSettings) {
  return Object.values(instruments).map((i) => ({
    id: i.id,
    title: i.title,
    shortTitle: i.shortTitle,
    prompt: i.prompt,
    rater: i.rater,
    administeredAs: i.administeredAs ?? null,
    // The suicide-risk item: a positive answer (at or above `alertAtOrAbove`) opens a safety alert; an
    // unanswered or declined one a safety task. The phone offers "prefer not to answer" on it.
    safetyItem: i.safetyItem
      ? {
          linkId: i.safetyItem.linkId,
          alertAtOrAbove: safetyThreshold(i, settings),
          clinicSetting: i.safetyItem.clinicSetting ?? null,
        }
      : null,
    // Each item's own answers: MADRS and PACS items differ from one another.
    items: i.items.map((it) => ({
      linkId: it.linkId,
      position: it.position,
      text: it.text,
      options: optionsFor(i, it).map(optionView),
    })),
    // The instrument's default answers; clients should read each item's own.
    options: i.answerOptions.map(optionView),
    bands: i.bands,
    // The highest total: the sum of the items' maxima, or one item's for a count like the use diary.
    maxTotal: maxTotal(i),
    // More skipped items than this and the form is kept as in progress, never scored.
    maxMissingItems: i.scoring.maxMissingItems,
    copyright: i.copyright,
  }));
}

/** The catalog for a signed-in caller carries their clinic's thresholds; otherwise the defaults. */
export async function catalogFor(db: Kysely<DB>, caller: Caller | undefined) {
  if (!caller) {
    return instrumentCatalog();
  }
  return instrumentCatalog(await inClinic(db, caller.clinicId, (tx) => clinicSettings(tx, caller.clinicId)));
}

export async function createLink(
  db: Kysely<DB>,
  caller: Caller,
  patientId: string,
  input: Required<QuestionnaireLinkInput>,
  now: Date,
  publicUrl: string,
) {
  requirePermission(caller, 'questionnaires.enter');
  const { token, hash } = newToken();
  const expiresAt = new Date(now.getTime() + input.expiresInHours * 3600_000);
  await inClinic(db, caller.clinicId, async (tx) => {
    await requirePatient(tx, patientId);
    await audit(tx, caller, {
      action: 'create',
      entity: 'questionnaire_link',
      patientId,
      detail: { instruments: input.instruments },
    });
  });
  await store.insertLink(db, {
    tokenHash: hash,
    clinicId: caller.clinicId,
    patientId,
    instruments: input.instruments,
    expiresAt,
    createdBy: caller.staffId,
  });
  return { url: `${publicUrl.replace(/\/$/, '')}/q/${token}`, token, expiresAt: expiresAt.toISOString() };
}

async function liveLink(db: Kysely<DB>, token: string, now: Date) {
  const link = await store.findLink(db, hashToken(token));
  if (!link) {
    throw notFound('questionnaire link');
  }
  if (link.used_at) {
    throw new AppError(410, 'link_used', 'This link was already used. Ask the clinic for a new one.');
  }
  if (new Date(link.expires_at) <= now) {
    throw new AppError(410, 'link_expired', 'This link has expired. Ask the clinic for a new one.');
  }
  return link;
}

/** What the patient's phone needs to show the forms: first name only, no other chart data. */
export async function openLink(db: Kysely<DB>, token: string, now: Date) {
  const link = await liveLink(db, token, now);
  const { firstName, settings } = await inClinic(db, link.clinic_id, async (tx) => {
    const p = await requirePatient(tx, link.patient_id);
    await audit(
      tx,
      { clinicId: link.clinic_id, actor: 'patient-link' },
      { action: 'read', entity: 'questionnaire_link', patientId: link.patient_id },
    );
    return { firstName: p.given_name, settings: await clinicSettings(tx, link.clinic_id) };
  });
  const catalog = instrumentCatalog(settings);
  return {
    patientFirstName: firstName,
    instruments: link.instruments.map((id) => catalog.find((c) => c.id === id)).filter((c) => c != null),
  };
}

export async function submitLink(
  db: Kysely<DB>,
  token: string,
  responses: { instrument: string; answers: Record<string, number | null>; declined?: string[] }[],
  now: Date,
): Promise<void> {
  const link = await liveLink(db, token, now);
  const wanted = new Set(link.instruments);
  const seen = new Set<string>();
  for (const r of responses) {
    if (!wanted.has(r.instrument)) {
      throw badRequest(`this link does not ask for ${r.instrument}`);
    }
    if (seen.has(r.instrument)) {
      throw badRequest(`${r.instrument} was sent twice; send each questionnaire once`);
    }
    seen.add(r.instrument);
  }
  if (responses.length === 0) {
    throw badRequest('no answers were sent');
  }
  await inClinic(db, link.clinic_id, async (tx) => {
    if (!(await store.useLink(tx, link.token_hash, now))) {
      throw new AppError(410, 'link_used', 'This link was already used.');
    }
    for (const r of responses) {
      await recordResponse(
        tx,
        {
          clinicId: link.clinic_id,
          patientId: link.patient_id,
          instrument: r.instrument,
          answers: r.answers,
          declined: r.declined ?? [],
          authoredAt: now,
          source: 'patient',
          enteredBy: null,
          actor: 'patient-link',
        },
        now,
      );
    }
  });
}

export async function openSafetyAlerts(db: Kysely<DB>, caller: Caller) {
  requirePermission(caller, 'patients.read');
  return inClinic(db, caller.clinicId, async (tx) => {
    const rows = await store.listOpenSafetyAlerts(tx);
    await audit(tx, caller, { action: 'search', entity: 'safety_alert', detail: { results: rows.length } });
    return rows.map((r) => ({
      id: r.id,
      patientId: r.patient_id,
      patientName: `${r.given_name} ${r.family_name}`,
      mrn: r.mrn,
      kind: r.kind,
      // An alert (positive answer) or a task (not answered: ask it); both urgent, one list.
      type: safetyAlertKind(r.kind).type,
      message: r.message,
      openedAt: new Date(r.opened_at).toISOString(),
    }));
  });
}

export async function acknowledgeSafetyAlert(
  db: Kysely<DB>,
  caller: Caller,
  id: string,
  note: string,
  now: Date,
): Promise<void> {
  requirePermission(caller, 'safety.manage');
  await inClinic(db, caller.clinicId, async (tx) => {
    const patientId = await store.acknowledgeSafetyAlert(tx, id, caller.staffId, note, now);
    if (!patientId) {
      throw notFound('open safety alert');
    }
    await audit(tx, caller, { action: 'acknowledge', entity: 'safety_alert', entityId: id, patientId });
  });
}
