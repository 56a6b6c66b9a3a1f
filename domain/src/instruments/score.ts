import { DomainError } from '../errors.ts';
import { optionsFor } from './answers.ts';
import { bandForScore } from './bands.ts';
import { getInstrument, instruments as builtInInstruments } from './registry.ts';
import type { InstrumentRegistry } from './registry.ts';
import type { Instrument, SeverityBand } from './types.ts';

/** linkId → item score; null or absent means the patient skipped the item. */
export type QuestionnaireAnswers = Readonly<Record<string, number | null | undefined>>;

export interface SafetyAlert {
  linkId: string;
  value: number;
  message: string;
}

interface ScoreCommon {
  instrumentId: string;
  answeredCount: number;
  itemCount: number;
  missingItems: readonly string[];
  /** Set whatever the completeness: a positive safety item must never hide behind missing items. */
  safetyAlert: SafetyAlert | null;
  /** The safety item (PHQ-9 item 9) was skipped: ask it in person, never assume 0. */
  safetyItemUnanswered: boolean;
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
  registry: InstrumentRegistry = builtInInstruments,
): QuestionnaireScore {
  const instrument = getInstrument(instrumentId, registry);
  const values = readAnswers(instrument, answers);
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
    ...safetyOf(instrument, values),
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

function safetyOf(
  instrument: Instrument,
  values: Map<string, number>,
): Pick<ScoreCommon, 'safetyAlert' | 'safetyItemUnanswered'> {
  const rule = instrument.safetyItem;
  if (!rule) {
    return { safetyAlert: null, safetyItemUnanswered: false };
  }
  const value = values.get(rule.linkId);
  if (value === undefined) {
    return { safetyAlert: null, safetyItemUnanswered: true };
  }
  return {
    safetyAlert: value > rule.alertAbove ? { linkId: rule.linkId, value, message: rule.message } : null,
    safetyItemUnanswered: false,
  };
}
