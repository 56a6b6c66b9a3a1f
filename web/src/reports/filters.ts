// The report's filters and their home in the URL query string, so a report can be shared as a link.
import type { Protocol } from '../api/types.ts';

export const reportInstruments = ['phq9', 'madrs'] as const;
export type ReportInstrument = (typeof reportInstruments)[number];
export type Indication = Protocol['indication'];

const indications: readonly Indication[] = ['depression', 'ptsd', 'chronic_pain', 'substance_use', 'kap'];

export const instrumentLabels: Record<ReportInstrument, string> = { phq9: 'PHQ-9', madrs: 'MADRS' };

/** Which follow-up score is the outcome (domain/src/outcomes/response.ts FollowUpRule). */
export const followUpRules = ['end_of_series', 'latest'] as const;
export type FollowUpRule = (typeof followUpRules)[number];

export const followUpLabels: Record<FollowUpRule, string> = {
  end_of_series: 'End of series',
  latest: 'Latest score',
};

export interface ReportFilters {
  instrument: ReportInstrument;
  /** End of series unless the clinic chooses the latest score; in the URL only when not the default. */
  followUp: FollowUpRule;
  /** YYYY-MM-DD, inclusive. */
  from: string;
  to: string;
  indication?: Indication | undefined;
  protocol?: string | undefined;
}

/** A real calendar date written YYYY-MM-DD (2025-02-30 is not). */
export function isIsoDate(value: string | null | undefined): value is string {
  if (!value || !/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    return false;
  }
  const [y, m, d] = value.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** The same day a year earlier; 29 February falls back to the 28th. */
export function yearBefore(date: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const day = m === 2 && d === 29 ? 28 : d;
  return `${String(y - 1).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The last 12 months up to today, PHQ-9, every indication and protocol. */
export function defaultFilters(today: string): ReportFilters {
  return { instrument: 'phq9', followUp: 'end_of_series', from: yearBefore(today), to: today };
}

function isInstrument(value: string | null): value is ReportInstrument {
  return (reportInstruments as readonly (string | null)[]).includes(value);
}

function isIndication(value: string | null): value is Indication {
  return (indications as readonly (string | null)[]).includes(value);
}

/** Filters from the URL; anything missing or unreadable takes its default. */
export function filtersFromSearch(search: URLSearchParams, today: string): ReportFilters {
  const defaults = defaultFilters(today);
  const instrument = search.get('instrument');
  const from = search.get('from');
  const to = search.get('to');
  const indication = search.get('indication');
  const protocol = search.get('protocol');
  const followUp = search.get('followUp');
  return {
    instrument: isInstrument(instrument) ? instrument : defaults.instrument,
    followUp: followUp === 'latest' ? 'latest' : defaults.followUp,
    from: isIsoDate(from) ? from : defaults.from,
    to: isIsoDate(to) ? to : defaults.to,
    indication: isIndication(indication) ? indication : undefined,
    protocol: protocol && /^[a-z0-9-]{2,60}$/.test(protocol) ? protocol : undefined,
  };
}

export function filtersToSearch(filters: ReportFilters): URLSearchParams {
  const search = new URLSearchParams({ instrument: filters.instrument, from: filters.from, to: filters.to });
  if (filters.indication) {
    search.set('indication', filters.indication);
  }
  if (filters.protocol) {
    search.set('protocol', filters.protocol);
  }
  if (filters.followUp !== 'end_of_series') {
    search.set('followUp', filters.followUp);
  }
  return search;
}

/**
 * The patient list open over the report, kept in the URL (`list=responders`) so the browser's Back
 * from a chart opened in it comes back to the list, and a list can be shared as a link.
 */
export const LIST_PARAM = 'list';

/** Whether the URL already names every filter the report uses (else it is rewritten, to be shareable). */
export function searchIsComplete(search: URLSearchParams, filters: ReportFilters): boolean {
  const withoutList = new URLSearchParams(search);
  withoutList.delete(LIST_PARAM);
  return withoutList.toString() === filtersToSearch(filters).toString();
}
