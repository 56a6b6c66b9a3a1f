import { DomainError } from '../errors.ts';
import { isoDateToDay } from '../plans/dates.ts';
import type { ConditionFlagCode } from './condition-flags.ts';

/** The medical-history facts the labels name (patients/schema.ts stores them in `conditions`). */
export interface HistoryConditions {
  aneurysmOrAvm?: boolean;
  intracerebralHemorrhageHistory?: boolean;
  /** Most recent stroke: yyyy-mm-dd, or yyyy-mm when only the month is known; null when none. */
  strokeOn?: string | null;
  /** Most recent myocardial infarction, as strokeOn. */
  myocardialInfarctionOn?: string | null;
  hyperthyroidismUntreated?: boolean;
  raisedIntracranialPressure?: boolean;
  raisedIntraocularPressure?: boolean;
  hepaticImpairment?: 'none' | 'mild' | 'moderate' | 'severe';
  preEclampsia?: boolean;
}

export interface HistoryFinding {
  code: ConditionFlagCode;
  /** The patient's specifics, put in front of the rule's reason. */
  specifics: string;
}

const MONTH = /^(\d{4})-(\d{2})$/;

/**
 * The day (days since 1970-01-01) an event recorded as yyyy-mm-dd or yyyy-mm happened at the latest:
 * a month alone counts as its last day, so "recent" errs towards warning.
 */
export function latestEventDay(value: string): number {
  const month = MONTH.exec(value);
  if (!month) {
    return isoDateToDay(value);
  }
  const y = Number(month[1]);
  const m = Number(month[2]);
  if (m < 1 || m > 12) {
    throw new DomainError('invalid_date', `"${value}" is not a valid yyyy-mm month`, { date: value });
  }
  const next = m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
  return isoDateToDay(next) - 1;
}

/** True when the value is a real yyyy-mm-dd date or yyyy-mm month. */
export function isEventDate(value: string): boolean {
  try {
    latestEventDay(value);
    return true;
  } catch {
    return false;
  }
}

/** Event dates after `today` (yyyy-mm-dd), by condition key: history cannot be in the future. */
export function futureEventDates(
  conditions: HistoryConditions,
  today: string,
): ('strokeOn' | 'myocardialInfarctionOn')[] {
  const day = isoDateToDay(today);
  return (['strokeOn', 'myocardialInfarctionOn'] as const).filter((key) => {
    const value = conditions[key];
    // A month is in the future only when it starts after today.
    return value != null && (MONTH.test(value) ? isoDateToDay(`${value}-01`) : latestEventDay(value)) > day;
  });
}

/**
 * Label contraindications and cautions from the medical history. A stroke or myocardial infarction
 * within `windowDays` of `today` (the protocol's window) is a contraindication; an older one is still
 * flagged, at a lower severity, so it is never dropped silently.
 */
export function historyFindings(
  conditions: HistoryConditions,
  today: string | null,
  windowDays: number,
): HistoryFinding[] {
  const found: HistoryFinding[] = [];
  if (conditions.aneurysmOrAvm) {
    found.push({
      code: 'aneurysm_or_avm',
      specifics: 'Aneurysmal vascular disease or arteriovenous malformation recorded.',
    });
  }
  if (conditions.intracerebralHemorrhageHistory) {
    found.push({
      code: 'intracerebral_hemorrhage',
      specifics: 'History of intracerebral hemorrhage recorded.',
    });
  }
  const events = [
    { on: conditions.strokeOn, name: 'Stroke', recent: 'recent_stroke', past: 'stroke_history' },
    {
      on: conditions.myocardialInfarctionOn,
      name: 'Myocardial infarction',
      recent: 'recent_myocardial_infarction',
      past: 'myocardial_infarction_history',
    },
  ] as const;
  for (const event of events) {
    if (event.on == null) {
      continue;
    }
    if (today === null) {
      throw new DomainError('invalid_input', 'Screening a dated stroke or infarction needs today’s date');
    }
    const daysAgo = isoDateToDay(today) - latestEventDay(event.on);
    const monthOnly = MONTH.test(event.on) ? ', counted from the last day of that month' : '';
    const when = `${event.name} on ${event.on} (${Math.max(daysAgo, 0)} days ago${monthOnly})`;
    found.push(
      daysAgo <= windowDays
        ? { code: event.recent, specifics: `${when}: within the protocol's ${windowDays}-day window.` }
        : { code: event.past, specifics: `${when}: outside the protocol's ${windowDays}-day window.` },
    );
  }
  if (conditions.hyperthyroidismUntreated) {
    found.push({
      code: 'untreated_hyperthyroidism',
      specifics: 'Hyperthyroidism recorded as untreated or not controlled.',
    });
  }
  if (conditions.raisedIntracranialPressure) {
    found.push({ code: 'raised_intracranial_pressure', specifics: 'Raised intracranial pressure recorded.' });
  }
  if (conditions.raisedIntraocularPressure) {
    found.push({ code: 'raised_intraocular_pressure', specifics: 'Raised intraocular pressure recorded.' });
  }
  if (conditions.hepaticImpairment === 'severe') {
    found.push({ code: 'severe_hepatic_impairment', specifics: 'Severe hepatic impairment recorded.' });
  } else if (conditions.hepaticImpairment === 'moderate') {
    found.push({ code: 'moderate_hepatic_impairment', specifics: 'Moderate hepatic impairment recorded.' });
  }
  if (conditions.preEclampsia) {
    found.push({ code: 'pre_eclampsia', specifics: 'Pre-eclampsia or eclampsia recorded.' });
  }
  return found;
}
