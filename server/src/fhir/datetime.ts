// FHIR date/dateTime values as instants and ranges.
// See: https://hl7.org/fhir/R4/datatypes.html#dateTime
// See: https://hl7.org/fhir/R4/search.html#date (a value of lower precision stands for a range)

export type Precision = 'year' | 'month' | 'day' | 'minute' | 'second' | 'millisecond';

export interface DateRange {
  /** Inclusive. */
  start: Date;
  /** Exclusive. */
  end: Date;
  precision: Precision;
}

const PATTERN =
  /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:\d{2})?)?)?)?$/;

/**
 * Parses a FHIR date, dateTime or instant into the range it denotes. A value without a zone is read
 * as UTC (search values may omit it; resource values with a time must carry one: see requireZone).
 */
export function parseDateRange(text: string, opts: { requireZone?: boolean } = {}): DateRange | undefined {
  const m = PATTERN.exec(text.trim());
  if (!m) {
    return undefined;
  }
  const [, y, mo, d, hh, mi, ss, frac, zone] = m;
  const year = Number(y);
  const month = mo ? Number(mo) : 1;
  const day = d ? Number(d) : 1;
  // Years below 1000 are typos in this domain (and Date.UTC maps 0–99 to 19xx).
  if (year < 1000 || month < 1 || month > 12 || day < 1) {
    return undefined;
  }
  const probe = new Date(Date.UTC(year, month - 1, day));
  if (probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== day) {
    return undefined;
  } // 2026-02-30
  if (hh === undefined) {
    const precision: Precision = d ? 'day' : mo ? 'month' : 'year';
    const start = new Date(Date.UTC(year, month - 1, day));
    const end = new Date(
      Date.UTC(
        precision === 'year' ? year + 1 : year,
        precision === 'month' ? month : month - 1,
        precision === 'day' ? day + 1 : day,
      ),
    );
    return { start, end, precision };
  }
  // See: https://hl7.org/fhir/R4/datatypes.html#dateTime ("If hours and minutes are specified, a time zone SHALL be populated")
  if (!zone && opts.requireZone) {
    return undefined;
  }
  const hour = Number(hh);
  const minute = Number(mi);
  const second = ss ? Number(ss) : 0;
  if (hour > 23 || minute > 59 || second > 60) {
    return undefined;
  }
  const ms = frac ? Number(frac.slice(0, 3).padEnd(3, '0')) : 0;
  let offsetMinutes = 0;
  if (zone && zone !== 'Z') {
    const sign = zone.startsWith('-') ? -1 : 1;
    const [oh, om] = zone.slice(1).split(':').map(Number);
    if ((oh ?? 0) > 14 || (om ?? 0) > 59) {
      return undefined;
    }
    offsetMinutes = sign * ((oh ?? 0) * 60 + (om ?? 0));
  }
  const startMs =
    Date.UTC(year, month - 1, day, hour, minute, Math.min(second, 59), ms) - offsetMinutes * 60_000;
  const precision: Precision = frac ? 'millisecond' : ss ? 'second' : 'minute';
  const step = precision === 'millisecond' ? 1 : precision === 'second' ? 1000 : 60_000;
  return { start: new Date(startMs), end: new Date(startMs + step), precision };
}

/** ISO 8601 with zone, as FHIR instant/dateTime wants it. */
export const iso = (d: Date | string): string => (d instanceof Date ? d : new Date(d)).toISOString();
