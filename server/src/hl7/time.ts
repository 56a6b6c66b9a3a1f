/**
 * HL7 v2 DTM timestamps: `YYYYMMDDHHMM[SS[.S[S[S[S]]]]][+/-ZZZZ]`, plus the non-standard 17-digit form
 * with milliseconds and no dot (`20260124131539000+0800`) seen from some monitors (interop.md §2
 * "Timestamps"). A timestamp without an offset is the monitor's wall-clock time: it is read in the
 * device's configured time zone (`devices.time_zone`, an IANA name), UTC when none is configured.
 */
export interface Hl7Time {
  /** The wall-clock time as if it were UTC, in ms. */
  wallMs: number;
  /** Offset from UTC in minutes when the timestamp carried one. */
  offsetMinutes: number | undefined;
}

const DTM = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(?:(\d{2})(?:\.?(\d{1,4}))?)?([+-]\d{4})?$/;

/** Undefined for an empty or unreadable value, or one less precise than the minute (not a reading time). */
export function parseHl7Time(value: string): Hl7Time | undefined {
  const m = DTM.exec(value.trim());
  if (!m) {
    return undefined;
  }
  const [, y, mo, d, h, mi, s, frac, off] = m;
  const ms = frac ? Math.round(Number(`0.${frac}`) * 1000) : 0;
  const wallMs = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s ?? 0), ms);
  const check = new Date(wallMs);
  if (check.getUTCMonth() !== Number(mo) - 1 || check.getUTCDate() !== Number(d) || Number(h) > 23) {
    return undefined;
  }
  let offsetMinutes: number | undefined;
  if (off) {
    const sign = off.startsWith('-') ? -1 : 1;
    offsetMinutes = sign * (Number(off.slice(1, 3)) * 60 + Number(off.slice(3, 5)));
  }
  return { wallMs, offsetMinutes };
}

/** The instant: with the timestamp's own offset, else in `timeZone` (IANA), else UTC. */
export function toInstant(t: Hl7Time, timeZone: string | null | undefined): Date {
  if (t.offsetMinutes !== undefined) {
    return new Date(t.wallMs - t.offsetMinutes * 60_000);
  }
  if (!timeZone) {
    return new Date(t.wallMs);
  }
  // Two passes settle the zone's offset around DST changes.
  const first = t.wallMs - zoneOffsetMs(t.wallMs, timeZone);
  return new Date(t.wallMs - zoneOffsetMs(first, timeZone));
}

const formatters = new Map<string, Intl.DateTimeFormat | null>();

/** The zone's offset from UTC at `utcMs`; 0 for an unknown zone name. */
function zoneOffsetMs(utcMs: number, timeZone: string): number {
  let f = formatters.get(timeZone);
  if (f === undefined) {
    try {
      f = new Intl.DateTimeFormat('en-US', {
        timeZone,
        hourCycle: 'h23',
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
        second: '2-digit',
      });
    } catch {
      f = null;
    }
    formatters.set(timeZone, f);
  }
  if (!f) {
    return 0;
  }
  const p = Object.fromEntries(f.formatToParts(new Date(utcMs)).map((x) => [x.type, x.value]));
  const asUtc = Date.UTC(
    Number(p.year),
    Number(p.month) - 1,
    Number(p.day),
    Number(p.hour),
    Number(p.minute),
    Number(p.second),
  );
  return asUtc - Math.floor(utcMs / 1000) * 1000;
}
