import { DomainError, requireNumber } from '../errors.ts';
import { optionsFor } from './answers.ts';
import { bandForScore } from './bands.ts';
import { getInstrument, instruments as builtInInstruments } from './registry.ts';
import type { InstrumentRegistry } from './registry.ts';
import type { Instrument, SafetyThresholdSetting, SeverityBand } from './types.ts';

/** linkId → item score; null or absent means the patient skipped the item. */
export type QuestionnaireAnswers = Readonly<Record<string, number | null | undefined>>;

/** A positive answer to the safety item: opens an urgent safety alert of `kind`. */
export interface SafetyAlert {
  linkId: string;
  value: number;
  /** The answer alerts at or above this (the clinic's setting where there is one). */
  threshold: number;
  kind: string;
  message: string;
}

/** The safety item was not answered: opens an urgent safety task of `kind`, to ask it in person. */
export interface SafetyTask {
  linkId: string;
  kind: string;
  /** The patient chose "prefer not to answer" (rather than leaving it blank). */
  declined: boolean;
  message: string;
}

export interface ScoreOptions {
  /** Items the patient chose "prefer not to answer" for: unanswered for scoring, said so in the task. */
  declined?: readonly string[];
  /** The clinic's thresholds for safety items set by a clinic setting (MADRS item 10). */
  safetyThresholds?: Readonly<Partial<Record<SafetyThresholdSetting, number>>>;
  registry?: InstrumentRegistry;
}

interface ScoreCommon {
  instrumentId: string;
  answeredCount: number;
  itemCount: number;
  missingItems: readonly string[];
  /** Items the patient preferred not to answer (also in `missingItems`). */
  declinedItems: readonly string[];
  /** Set whatever the completeness: a positive safety item must never hide behind missing items. */
  safetyAlert: SafetyAlert | null;
  /**
   * The safety item (PHQ-9 item 9, MADRS item 10) was not answered: ask it in person, never assume 0.
   * The total may still be prorated from the other items, but the safety item never is.
   */
  safetyItemUnanswered: boolean;
  /** The patient chose "prefer not to answer" for the safety item (implies `safetyItemUnanswered`). */
  safetyItemDeclined: boolean;
  /** The urgent task an unanswered safety item opens; set exactly when `safetyItemUnanswered`. */
  safetyTask: SafetyTask | null;
}

export interface CompleteScore extends ScoreCommon {
  complete: true;
  total: number;
  band: SeverityBand;
  /** True when missing items were filled with the mean of the answered ones. */
  imputed: boolean;
  imputedItems: readonly string[];
}

export interface IncompleteScore extends ScoreCommon {
  complete: false;
  reason: string;
}

export type QuestionnaireScore = CompleteScore | IncompleteScore;

/**
 * Scores one completed form. Throws DomainError for answers that cannot be right (unknown item,
 * value outside the answer options); returns `complete: false` when too many items were skipped.
 */
export function scoreQuestionnaire(
  instrumentId: string,
  answers: QuestionnaireAnswers,
  options: ScoreOptions = {},
): QuestionnaireScore {
  const instrument = getInstrument(instrumentId, options.registry ?? builtInInstruments);
  const values = readAnswers(instrument, answers);
  const declined = readDeclined(instrument, values, options.declined ?? []);
  checkAtMost(instrument, values);

  const answered = instrument.items.filter((item) => values.get(item.linkId) !== undefined);
  const missingItems = instrument.items
    .filter((item) => values.get(item.linkId) === undefined)
    .map((item) => item.linkId);
  const common: ScoreCommon = {
    instrumentId: instrument.id,
    answeredCount: answered.length,
    itemCount: instrument.items.length,
    missingItems,
    declinedItems: [...declined],
    ...safetyOf(instrument, values, declined, options.safetyThresholds ?? {}),
  };

  if (missingItems.length > instrument.scoring.maxMissingItems || answered.length === 0) {
    return {
      ...common,
      complete: false,
      reason:
        `${missingItems.length} of ${instrument.items.length} items unanswered; ` +
        `${instrument.shortTitle} can be scored with at most ${instrument.scoring.maxMissingItems} missing`,
    };
  }

  const answeredSum = answered.reduce((sum, item) => sum + (values.get(item.linkId) ?? 0), 0);
  const totalItem = instrument.scoring.totalItem;
  const total =
    totalItem !== undefined
      ? (values.get(totalItem) ?? 0)
      : // Mean imputation of n missing items equals prorating the sum: sum × itemCount / answeredCount.
        // Multiply before dividing so whole-number cases stay exact in floating point.
        Math.round((answeredSum * instrument.items.length) / answered.length);
  return {
    ...common,
    complete: true,
    total,
    band: bandForScore(instrument, total),
    imputed: missingItems.length > 0,
    imputedItems: missingItems,
  };
}

/** Refuses answers that contradict each other (more heavy days than days used). */
function checkAtMost(instrument: Instrument, values: Map<string, number>): void {
  for (const rule of instrument.atMost ?? []) {
    const value = values.get(rule.item);
    const limit = values.get(rule.atMost);
    if (value !== undefined && limit !== undefined && value > limit) {
      const item = instrument.items.find((i) => i.linkId === rule.item);
      const other = instrument.items.find((i) => i.linkId === rule.atMost);
      throw new DomainError(
        'invalid_answer',
        `${instrument.shortTitle} item ${item?.position ?? '?'} (${rule.item}): ${value} cannot be more than ` +
          `the answer to item ${other?.position ?? '?'} (${rule.atMost}), ${limit}`,
        { instrumentId: instrument.id, linkId: rule.item, value },
      );
    }
  }
}

function readAnswers(instrument: Instrument, answers: QuestionnaireAnswers): Map<string, number> {
  if (typeof answers !== 'object' || answers === null) {
    throw new DomainError('invalid_input', 'Answers must be an object keyed by item linkId');
  }
  // Each item against its own answers: MADRS and PACS items differ from one another.
  const byLinkId = new Map(instrument.items.map((item) => [item.linkId, item]));
  const values = new Map<string, number>();
  for (const [linkId, value] of Object.entries(answers)) {
    const item = byLinkId.get(linkId);
    if (!item) {
      throw new DomainError('unknown_item', `"${linkId}" is not an item of ${instrument.shortTitle}`, {
        instrumentId: instrument.id,
        linkId,
      });
    }
    if (value === null || value === undefined) {
      continue;
    }
    const allowed = optionsFor(instrument, item).map((o) => o.value);
    if (typeof value !== 'number' || !allowed.includes(value)) {
      throw new DomainError(
        'invalid_answer',
        `${instrument.shortTitle} item ${item.position} (${linkId}): the answer must be ${describeValues(allowed)}; got ${String(value)}`,
        { instrumentId: instrument.id, linkId, position: item.position, value, allowed },
      );
    }
    values.set(linkId, value);
  }
  return values;
}

/** The "prefer not to answer" items: each an item of the form, none also answered. */
function readDeclined(
  instrument: Instrument,
  values: Map<string, number>,
  declined: readonly string[],
): Set<string> {
  if (!Array.isArray(declined)) {
    throw new DomainError('invalid_input', 'Declined items must be a list of item linkIds');
  }
  const out = new Set<string>();
  for (const linkId of declined) {
    const item = instrument.items.find((i) => i.linkId === linkId);
    if (!item) {
      throw new DomainError(
        'unknown_item',
        `"${String(linkId)}" is not an item of ${instrument.shortTitle}`,
        {
          instrumentId: instrument.id,
          linkId,
        },
      );
    }
    if (values.has(linkId)) {
      throw new DomainError(
        'invalid_answer',
        `${instrument.shortTitle} item ${item.position} (${linkId}) has an answer and is also marked ` +
          '"prefer not to answer"; send one or the other',
        { instrumentId: instrument.id, linkId, position: item.position },
      );
    }
    out.add(linkId);
  }
  return out;
}

/** "0 to 6" for a run of whole numbers, "one of 0, 2, 4" otherwise. */
function describeValues(values: readonly number[]): string {
  const sorted = [...values].sort((a, b) => a - b);
  const first = sorted[0];
  const last = sorted.at(-1);
  if (first === undefined || last === undefined) {
    return 'one of no values';
  }
  return sorted.every((v, i) => v === first + i) ? `${first} to ${last}` : `one of ${sorted.join(', ')}`;
}

type SafetyFields = Pick<
  ScoreCommon,
  'safetyAlert' | 'safetyItemUnanswered' | 'safetyItemDeclined' | 'safetyTask'
>;

/**
 * The safety item, read on its own: a positive answer opens an alert, and an unanswered one a task.
 * Never prorated or taken as 0: the item carries the risk signal the others do not (PHQ-9 item 9
 * predicts suicide attempts after adjusting for the total, Simon et al. 2013, Psychiatr Serv 64:1195,
 * https://doi.org/10.1176/appi.ps.201200587).
 */
function safetyOf(
  instrument: Instrument,
  values: Map<string, number>,
  declined: ReadonlySet<string>,
  thresholds: Readonly<Partial<Record<SafetyThresholdSetting, number>>>,
): SafetyFields {
  const rule = instrument.safetyItem;
  if (!rule) {
    return { safetyAlert: null, safetyItemUnanswered: false, safetyItemDeclined: false, safetyTask: null };
  }
  const item = instrument.items.find((i) => i.linkId === rule.linkId);
  const name = `${instrument.shortTitle} item ${item?.position ?? '?'} (${rule.topic})`;
  const value = values.get(rule.linkId);
  if (value === undefined) {
    const isDeclined = declined.has(rule.linkId);
    const ask =
      instrument.rater === 'clinician' ? 'rate it from the interview today' : 'ask the patient today';
    return {
      safetyAlert: null,
      safetyItemUnanswered: true,
      safetyItemDeclined: isDeclined,
      safetyTask: {
        linkId: rule.linkId,
        kind: rule.kinds.unanswered,
        declined: isDeclined,
        message: isDeclined
          ? `${name}: the patient chose "prefer not to answer" — ${ask}. It was not scored as 0.`
          : `${name} not answered — ${ask}. It was not scored as 0.`,
      },
    };
  }
  const threshold = safetyThreshold(instrument, thresholds);
  const options = item ? optionsFor(instrument, item) : [];
  const max = Math.max(value, ...options.map((o) => o.value));
  const label = options.find((o) => o.value === value)?.label;
  const wording = label && label !== String(value) ? ` ("${label}")` : '';
  return {
    safetyAlert:
      value >= threshold
        ? {
            linkId: rule.linkId,
            value,
            threshold,
            kind: rule.kinds.positive,
            message:
              `${name} answered ${value} of ${max}${wording}` +
              (rule.clinicSetting ? `, at or above the clinic's alert level of ${threshold}` : '') +
              ': clinical review needed today.',
          }
        : null,
    safetyItemUnanswered: false,
    safetyItemDeclined: false,
    safetyTask: null,
  };
}

/** True when the instrument has a safety item and `answers` gives it no answer (a stored form, re-read). */
export function isSafetyItemUnanswered(instrument: Instrument, answers: QuestionnaireAnswers): boolean {
  const rule = instrument.safetyItem;
  return rule !== undefined && answers[rule.linkId] == null;
}

/** The safety item's threshold: the clinic's setting where the rule names one, else the built-in. */
export function safetyThreshold(
  instrument: Instrument,
  thresholds: Readonly<Partial<Record<SafetyThresholdSetting, number>>> = {},
): number {
  const rule = instrument.safetyItem;
  if (!rule) {
    throw new DomainError('invalid_input', `${instrument.shortTitle} has no safety item`);
  }
  const set = rule.clinicSetting ? thresholds[rule.clinicSetting] : undefined;
  if (set === undefined) {
    return rule.alertAtOrAbove;
  }
  const item = instrument.items.find((i) => i.linkId === rule.linkId);
  const values = item ? optionsFor(instrument, item).map((o) => o.value) : [rule.alertAtOrAbove];
  // At least the lowest non-zero answer: a threshold of 0 would alert on every form.
  return requireNumber(set, rule.clinicSetting ?? 'threshold', {
    integer: true,
    min: 1,
    max: Math.max(...values),
  });
}
