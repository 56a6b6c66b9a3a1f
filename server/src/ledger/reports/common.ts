/**
 * What every inspector's report shares (issue 5; 21 CFR 1304.04, 1304.11, 1304.21, 1304.22(c)): the
 * header (clinic, period as the clinic's calendar days, when it was generated), the registered
 * locations it covers, and the formatting of amounts, times and CSV cells.
 *
 * Amounts in JSON are mg (exact to the µg the ledger keeps) and mL rounded to 0.01; times are ISO
 * 8601 instants with the clinic-local reading beside them.
 */
import { ugToMg, ugToMl } from '@openkap/domain/ledger/units';
import type { LocationRow } from '../store.ts';

export const reportNames = [
  'administrations',
  'receipts-dispositions',
  'inventory',
  'accountability',
] as const;
export type ReportName = (typeof reportNames)[number];

export const reportTitles: Record<ReportName, string> = {
  administrations: 'Administration record (21 CFR 1304.22(c))',
  'receipts-dispositions': 'Receipts and dispositions (21 CFR 1304.21, 1304.22(c))',
  inventory: 'Controlled-substance inventory (21 CFR 1304.11)',
  accountability: 'Accountability audit',
};

export interface ReportHeader {
  report: ReportName;
  title: string;
  clinic: { name: string; timeZone: string };
  /** Clinic calendar days, inclusive; `start`–`end` is the same period as instants, end exclusive. */
  period: { from: string; to: string; start: string; end: string };
  generatedAt: string;
  /** Set when the report was asked for one location. */
  locationId: string | null;
}

export interface LocationHead {
  id: string;
  name: string;
  deaRegistration: string;
  address: string;
}

export function locationHead(l: LocationRow): LocationHead {
  return { id: l.id, name: l.name, deaRegistration: l.dea_registration, address: l.address };
}

/** What a report's loader reads with, inside the report's clinic transaction. */
export interface ReportScope {
  header: ReportHeader;
  start: Date;
  end: Date;
  timeZone: string;
  /** The locations the report covers (one when asked for one). */
  locations: LocationRow[];
  /** Every location of the clinic: names the other side of a transfer. */
  allLocations: Map<string, LocationRow>;
  patientId: string | null;
}

// ---- amounts -----------------------------------------------------------------------------------

/** µg → mg as a number (exact to the µg). */
export const mg = (ug: number): number => ugToMg(ug);

/** µg → mL of `mgPerMl`, to 0.01 mL. */
export const ml = (ug: number, mgPerMl: number): number => Math.round(ugToMl(ug, mgPerMl) * 100) / 100;

/** "3.5" (mL, at most two decimals). */
export const mlText = (ml: number | null): string => (ml == null ? '' : String(ml));

// ---- times -------------------------------------------------------------------------------------

const formatters = new Map<string, Intl.DateTimeFormat>();

/** "2026-11-20 09:15", the clinic's wall clock. */
export function localTime(at: string | Date, timeZone: string): string {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, f);
  }
  const parts = Object.fromEntries(f.formatToParts(new Date(at)).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`;
}

export const iso = (d: Date | string): string => new Date(d).toISOString();

// ---- CSV ---------------------------------------------------------------------------------------

type Cell = string | number | boolean | null | undefined;

/** Quotes what needs it and defuses spreadsheet formulas (a cell starting with = + - @), as reports/view.ts. */
export function csvCell(v: Cell): string {
  const text = v == null ? '' : String(v);
  const safe = /^[=+\-@]/.test(text) && !/^-?\d/.test(text) ? `'${text}` : text;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** One flat table, CRLF line ends (RFC 4180). */
export function csvTable(header: readonly string[], rows: readonly (readonly Cell[])[]): string {
  return [header, ...rows].map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
