import { z } from 'zod';
import { optionsFor } from '@openkap/domain/instruments/answers';
import type { AnswerOption, Instrument } from '@openkap/domain/instruments/types';
import type { ResponseRow } from '../questionnaires/store.ts';
import { instruments } from '@openkap/domain/instruments/registry';
import { instrumentByCanonical, instrumentById, LOINC, questionnaireCanonical } from './codes.ts';
import { iso } from './datetime.ts';
import { invalid, unprocessable } from './outcome.ts';
import { answersAreCoded, PROMPT_LINK_ID } from './questionnaire-map.ts';
import type { QuestionnaireResponse, QuestionnaireResponseItem } from './types.ts';
import {
  CodingSchema,
  fhirPath,
  parseShape,
  patientIdOf,
  ReferenceSchema,
  requireDateTime,
  requireResource,
} from './validate.ts';

// QuestionnaireResponse (any instrument of the registry: LOINC-coded PHQ-9 / GAD-7 / pain NRS, our own
// item codes elsewhere) ⇄ questionnaire_responses row.
// See: https://hl7.org/fhir/R4/questionnaireresponse.html

export interface IncomingResponse {
  instrument: Instrument;
  patientId: string;
  authoredAt: Date;
  /** linkId → the item's answer value, null when the item was present but unanswered. */
  answers: Record<string, number | null>;
}

const AnswerShape = z.looseObject({
  valueCoding: CodingSchema.optional(),
  valueInteger: z.number().optional(),
});

interface ItemIn {
  linkId: string;
  answer?: z.infer<typeof AnswerShape>[] | undefined;
  item?: ItemIn[] | undefined;
}
const ItemShape: z.ZodType<ItemIn> = z.lazy(() =>
  z.object({
    linkId: z.string().min(1),
    answer: z.array(AnswerShape).optional(),
    item: z.array(ItemShape).optional(),
  }),
);

const ResponseShape = z.object({
  questionnaire: z.string(),
  status: z.string(),
  subject: ReferenceSchema.optional(),
  authored: z.string().optional(),
  item: z.array(ItemShape).optional(),
});

/**
 * Items a form may carry besides the scored ones; accepted and not stored: the total score (we compute
 * it), PHQ-9's "how difficult have these problems made it" item 69722-7, and our prompt display item.
 */
const ignoredLinkIds = (i: Instrument): Set<string> =>
  new Set([
    // Pain NRS's one item is also its total (72514-3): items are matched before this set is read.
    ...(i.loinc ? [i.loinc.totalScore] : []),
    '69722-7',
    PROMPT_LINK_ID,
  ]);

// See: https://hl7.org/fhir/R4/valueset-questionnaire-answers-status.html
const SCORABLE_STATUS = new Set(['completed', 'amended']);
const UNSCORABLE_STATUS = new Set(['in-progress', 'stopped', 'entered-in-error']);

function answerValue(
  instrument: Instrument,
  allowed: readonly AnswerOption[],
  answer: z.infer<typeof AnswerShape>,
  path: string,
): number {
  if (answer.valueCoding) {
    const c = answer.valueCoding;
    const p = `${path}.valueCoding`;
    if (c.system !== undefined && c.system !== LOINC) {
      throw invalid(`${p}.system must be ${LOINC}, got "${c.system}".`, `${p}.system`, 'code-invalid');
    }
    if (!c.code) {
      throw invalid(`${p}.code is required (a LOINC answer code such as LA6568-5).`, `${p}.code`, 'required');
    }
    const option = allowed.find((o) => o.loinc === c.code);
    if (!option) {
      const codes = allowed.flatMap((o) => (o.loinc ? [`${o.loinc} (${o.value})`] : [])).join(', ');
      throw invalid(
        `${p}.code "${c.code}" is not an answer of ${instrument.shortTitle}; ` +
          (codes ? `expected one of ${codes}.` : 'its answers have no LOINC codes, send valueInteger.'),
        `${p}.code`,
        'code-invalid',
      );
    }
    return option.value;
  }
  if (answer.valueInteger !== undefined) {
    const v = answer.valueInteger;
    if (!allowed.some((o) => o.value === v)) {
      throw invalid(
        `${path}.valueInteger ${v} is outside ${instrument.shortTitle}'s answers (${allowed.map((o) => o.value).join(', ')}).`,
        `${path}.valueInteger`,
        'value',
      );
    }
    return v;
  }
  const other = Object.keys(answer).find((k) => k.startsWith('value'));
  throw invalid(
    `${path} must be valueCoding (LOINC answer code) or valueInteger${other ? `, not ${other}` : ''}.`,
    path,
    other ? 'structure' : 'required',
  );
}

export function responseFromResource(body: unknown): IncomingResponse {
  const r = parseShape(
    ResponseShape,
    requireResource(body, 'QuestionnaireResponse'),
    'QuestionnaireResponse',
  );

  const instrument = instrumentByCanonical(r.questionnaire);
  if (!instrument) {
    const known = Object.values(instruments)
      .map((i) => `${questionnaireCanonical(i)} (${i.shortTitle})`)
      .join(', ');
    throw invalid(
      `QuestionnaireResponse.questionnaire "${r.questionnaire}" is not a form this server scores; use one of ${known} (GET Questionnaire lists them).`,
      'QuestionnaireResponse.questionnaire',
      'not-supported',
    );
  }
  if (!SCORABLE_STATUS.has(r.status)) {
    if (UNSCORABLE_STATUS.has(r.status)) {
      throw unprocessable(
        `QuestionnaireResponse.status "${r.status}": only completed (or amended) responses are scored and stored.`,
        'QuestionnaireResponse.status',
      );
    }
    throw invalid(
      `QuestionnaireResponse.status "${r.status}" is not a response status.`,
      'QuestionnaireResponse.status',
      'code-invalid',
    );
  }
  const patientId = patientIdOf(r.subject, 'QuestionnaireResponse.subject');
  const authoredAt = requireDateTime(
    r.authored,
    'QuestionnaireResponse.authored',
    'when the assessment was done',
  );

  const known = new Map(instrument.items.map((i) => [i.linkId, i]));
  const ignored = ignoredLinkIds(instrument);
  const answers: Record<string, number | null> = {};
  const walk = (items: readonly ItemIn[], path: readonly (string | number)[]): void => {
    items.forEach((item, index) => {
      const itemPath = [...path, 'item', index];
      const at = fhirPath('QuestionnaireResponse', itemPath);
      const own = known.get(item.linkId);
      if (own) {
        if (Object.hasOwn(answers, item.linkId)) {
          throw invalid(`${at}: linkId ${item.linkId} is answered twice.`, `${at}.linkId`, 'duplicate');
        }
        const list = item.answer ?? [];
        if (list.length > 1) {
          throw invalid(
            `${at}: item ${item.linkId} takes one answer, got ${list.length}.`,
            `${at}.answer`,
            'structure',
          );
        }
        answers[item.linkId] = list[0]
          ? answerValue(instrument, optionsFor(instrument, own), list[0], `${at}.answer[0]`)
          : null;
      } else if (ignored.has(item.linkId)) {
        return;
      } else if (item.item?.length && !item.answer?.length) {
        walk(item.item, itemPath); // a group around the questions
      } else {
        throw invalid(
          `${at}.linkId "${item.linkId}" is not an item of ${instrument.shortTitle} (its items are ${[...known.keys()].join(', ')}).`,
          `${at}.linkId`,
          'value',
        );
      }
    });
  };
  walk(r.item ?? [], []);
  return { instrument, patientId, authoredAt, answers };
}

export function questionnaireResponseResource(row: ResponseRow): QuestionnaireResponse {
  const instrument = instrumentById(row.instrument);
  const items: QuestionnaireResponseItem[] = [];
  for (const it of instrument?.items ?? []) {
    const value = row.answers[it.linkId];
    if (value == null) {
      continue;
    }
    const options = instrument ? optionsFor(instrument, it) : [];
    // The same answer type as the Questionnaire's item: coded where every answer has a LOINC code.
    const option = answersAreCoded(options) ? options.find((o) => o.value === value) : undefined;
    items.push({
      linkId: it.linkId,
      text: it.text,
      answer: [
        option?.loinc
          ? { valueCoding: { system: LOINC, code: option.loinc, display: option.label } }
          : { valueInteger: value },
      ],
    });
  }
  return {
    resourceType: 'QuestionnaireResponse',
    id: row.id,
    meta: { lastUpdated: iso(row.created_at) },
    ...(instrument ? { questionnaire: questionnaireCanonical(instrument) } : {}),
    // A form with too many items skipped to score was kept, but never counts as complete.
    status: row.complete ? 'completed' : 'in-progress',
    subject: { reference: `Patient/${row.patient_id}` },
    authored: iso(row.authored_at),
    // See: https://hl7.org/fhir/R4/json.html (no empty arrays)
    ...(items.length ? { item: items } : {}),
  };
}
