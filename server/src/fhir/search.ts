import { sexes } from '@openkap/domain/patients/schema';
import type { Instrument } from '@openkap/domain/instruments/types';
import {
  instrumentByCanonical,
  instrumentByQuestionnaireId,
  instrumentByScoreCode,
  LOINC,
  MDC,
  MRN_SYSTEM,
  OBSERVATION_CATEGORY,
  vitalByLoinc,
  vitalByMdc,
  type VitalKind,
} from './codes.ts';
import { parseDateRange } from './datetime.ts';
import { invalid } from './outcome.ts';
import type { DateCmp, Page, PatientFilter, ResponseFilter, StringMatch } from './store.ts';
import type { Bundle, BundleEntry, Questionnaire, Resource } from './types.ts';
import { isUuid } from './validate.ts';

// Search parameters → filters, and searchset Bundles.
// See: https://hl7.org/fhir/R4/search.html

export type Query = Record<string, string | string[] | undefined>;

export const DEFAULT_COUNT = 50;
export const MAX_COUNT = 1000;
/** Deep paging by offset gets slow; beyond this, narrow the search (e.g. by date) instead. */
export const MAX_OFFSET = 10_000;

/** Parameters every search takes. See: https://hl7.org/fhir/R4/search.html#count */
const RESULT_PARAMS = new Set(['_count', '_offset', '_sort']);
/** Accepted and ignored (they do not change which resources match). */
const IGNORED_PARAMS = new Set(['_format', '_pretty', '_summary', '_elements', '_total']);

function occurrences(query: Query, key: string): string[] {
  const v = query[key];
  return v === undefined ? [] : Array.isArray(v) ? v : [v];
}

/** A parameter name with its modifier: `name:contains` → { name: 'name', modifier: 'contains' }. */
function splitKey(key: string): { name: string; modifier: string | undefined } {
  const i = key.indexOf(':');
  return i < 0 ? { name: key, modifier: undefined } : { name: key.slice(0, i), modifier: key.slice(i + 1) };
}

/** Walks the query: known parameters go to `handle`, the rest are refused (strict) or ignored (lenient). */
function eachParam(
  query: Query,
  known: Record<string, readonly (string | undefined)[]>,
  strict: boolean,
  handle: (name: string, modifier: string | undefined, values: string[], key: string) => void,
): string[] {
  const used: string[] = [];
  for (const key of Object.keys(query)) {
    const { name, modifier } = splitKey(key);
    if (RESULT_PARAMS.has(name) || IGNORED_PARAMS.has(name)) {
      continue;
    }
    const modifiers = known[name];
    if (!modifiers) {
      // See: https://hl7.org/fhir/R4/search.html#errors (Prefer: handling=strict|lenient)
      if (strict) {
        throw invalid(`Unknown search parameter "${key}".`, undefined, 'not-supported');
      }
      continue;
    }
    if (!modifiers.includes(modifier)) {
      throw invalid(
        `Search parameter "${name}" does not support the modifier ":${modifier}".`,
        undefined,
        'not-supported',
      );
    }
    for (const raw of occurrences(query, key)) {
      handle(
        name,
        modifier,
        raw
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean),
        key,
      );
    }
    used.push(key);
  }
  return used;
}

export function pageOf(query: Query): Page {
  const one = (name: string): string | undefined => {
    const all = occurrences(query, name);
    if (all.length > 1) {
      throw invalid(`${name} may be given once.`);
    }
    return all[0];
  };
  const count = one('_count');
  const offset = one('_offset');
  if (count !== undefined && !/^\d+$/.test(count)) {
    throw invalid(`_count must be a whole number, got "${count}".`);
  }
  if (offset !== undefined && !/^\d+$/.test(offset)) {
    throw invalid(`_offset must be a whole number, got "${offset}".`);
  }
  if (offset !== undefined && Number(offset) > MAX_OFFSET) {
    throw invalid(
      `_offset may be at most ${MAX_OFFSET}; narrow the search (for example by date) instead.`,
      undefined,
      'too-costly',
    );
  }
  // See: https://hl7.org/fhir/R4/search.html#count (the server may return fewer than asked)
  return {
    limit: Math.min(count === undefined ? DEFAULT_COUNT : Number(count), MAX_COUNT),
    offset: offset === undefined ? 0 : Number(offset),
  };
}

/** `_sort=<param>` (oldest first) or `_sort=-<param>` (newest first, the default). */
function timeSort(query: Query, param: string): { desc: boolean; sort: string | undefined } {
  const sort = occurrences(query, '_sort');
  if (sort.length === 0) {
    return { desc: true, sort: undefined };
  }
  const value = sort.join(',');
  if (value === param || value === `-${param}`) {
    return { desc: value.startsWith('-'), sort: value };
  }
  throw invalid(`_sort "${value}" is not supported; use ${param} or -${param}.`, undefined, 'not-supported');
}

/** `_sort=date` (oldest first) or `_sort=-date` (newest first, the default). */
export const observationSort = (query: Query) => timeSort(query, 'date');

/** `_sort=authored` (oldest first) or `_sort=-authored` (newest first, the default). */
export const responseSort = (query: Query) => timeSort(query, 'authored');

// See: https://hl7.org/fhir/R4/search.html#token (system|code, |code, code)
interface Token {
  /** undefined: any system; '': no system. */
  system: string | undefined;
  code: string;
}
function token(v: string): Token {
  const i = v.indexOf('|');
  return i < 0 ? { system: undefined, code: v } : { system: v.slice(0, i), code: v.slice(i + 1) };
}

// See: https://hl7.org/fhir/R4/search.html#prefix
const PREFIXES = ['eq', 'ne', 'gt', 'lt', 'ge', 'le', 'sa', 'eb', 'ap'] as const;

/** One date search value as SQL comparisons on a point in time (or a whole day, for birthdate). */
export function dateComparisons(raw: string, param: string, asDay = false): DateCmp[] {
  const prefix = PREFIXES.find((p) => raw.startsWith(p)) ?? 'eq';
  const text = raw.startsWith(prefix) ? raw.slice(2) : raw;
  // An unescaped "+" of a zone arrives as a space in a query string.
  const range = parseDateRange(text.replace(/ (\d{2}:\d{2})$/, '+$1'));
  if (!range) {
    throw invalid(
      `${param}=${raw}: "${text}" is not a FHIR date or dateTime (e.g. ge2026-01-05 or lt2026-01-05T10:30:00Z).`,
    );
  }
  if (asDay && !['year', 'month', 'day'].includes(range.precision)) {
    throw invalid(`${param}=${raw}: give a date (YYYY, YYYY-MM or YYYY-MM-DD).`);
  }
  const lo = asDay ? range.start.toISOString().slice(0, 10) : range.start;
  const hi = asDay ? range.end.toISOString().slice(0, 10) : range.end;
  switch (prefix) {
    case 'eq':
    case 'ap': // "approximately": treated as the value's own range
      return [
        { op: '>=', value: lo },
        { op: '<', value: hi },
      ];
    case 'ne':
      return [
        {
          or: [
            { op: '<', value: lo },
            { op: '>=', value: hi },
          ],
        },
      ];
    case 'gt':
    case 'sa':
      return [{ op: '>=', value: hi }];
    case 'ge':
      return [{ op: '>=', value: lo }];
    case 'lt':
    case 'eb':
      return [{ op: '<', value: lo }];
    case 'le':
      return [{ op: '<', value: hi }];
  }
}

function dateParam(values: string[], key: string, asDay = false): DateCmp[] {
  if (values.length !== 1) {
    throw invalid(
      `${key}: one date per parameter; repeat the parameter to combine (date=ge…&date=lt…).`,
      undefined,
      'not-supported',
    );
  }
  return dateComparisons(values[0] ?? '', key, asDay);
}

/** Logical ids from `Patient/<id>`, `<base>/Patient/<id>` or `<id>`; ids that cannot exist are dropped. */
function patientIds(values: string[]): string[] {
  return values
    .map((v) => (v.includes('/') ? (/(?:^|\/)Patient\/([^/]+)$/.exec(v)?.[1] ?? '') : v))
    .filter(isUuid);
}

const intersect = <T>(a: T[] | undefined, b: T[]): T[] =>
  a === undefined ? b : a.filter((x) => b.includes(x));

export interface ParsedSearch<F> {
  filter: F;
  /** The parameters applied, for the self link. */
  used: string[];
}

export function patientSearch(query: Query, strict: boolean): ParsedSearch<PatientFilter> {
  const f: PatientFilter = {};
  const stringModifiers = [undefined, 'contains', 'exact'] as const;
  const used = eachParam(
    query,
    {
      _id: [undefined],
      identifier: [undefined],
      name: stringModifiers,
      family: stringModifiers,
      given: stringModifiers,
      birthdate: [undefined],
      gender: [undefined],
    },
    strict,
    (name, modifier, values, key) => {
      const match = (): StringMatch => ({
        mode: modifier === 'contains' ? 'contains' : modifier === 'exact' ? 'exact' : 'start',
        values,
      });
      switch (name) {
        case '_id':
          f.ids = intersect(f.ids, values.filter(isUuid));
          break;
        case 'identifier': {
          // Our only identifier is the clinic MRN; a bare value is taken as an MRN.
          const mrns = values
            .map(token)
            .filter((t) => t.system === undefined || t.system === MRN_SYSTEM)
            .map((t) => t.code);
          f.mrns = intersect(f.mrns, mrns);
          break;
        }
        case 'name':
          (f.names ??= []).push(match());
          break;
        case 'family':
          (f.families ??= []).push(match());
          break;
        case 'given':
          (f.givens ??= []).push(match());
          break;
        case 'birthdate':
          (f.birthDates ??= []).push(...dateParam(values, key, true));
          break;
        case 'gender':
          f.genders = intersect(
            f.genders,
            values.filter((g) => (sexes as readonly string[]).includes(g)),
          );
          break;
      }
    },
  );
  return { filter: f, used };
}

export interface ObservationFilter {
  patientIds?: string[];
  /** Vital kinds to search; [] means none. */
  vitalKinds: VitalKind[];
  /** Instruments whose score Observations to search; [] means none. */
  instruments: Instrument[];
  dates: DateCmp[];
}

const ALL_KINDS: VitalKind[] = ['hr', 'bp', 'spo2', 'rr', 'temp'];

export function observationSearch(
  query: Query,
  strict: boolean,
  allInstruments: Instrument[],
): ParsedSearch<ObservationFilter> {
  let kinds: VitalKind[] = [...ALL_KINDS];
  // Every instrument has score Observations: LOINC-coded where it has a total code, ours otherwise.
  let instruments = [...allInstruments];
  let ids: string[] | undefined;
  const dates: DateCmp[] = [];
  const used = eachParam(
    query,
    {
      patient: [undefined],
      subject: [undefined],
      category: [undefined],
      code: [undefined],
      date: [undefined],
    },
    strict,
    (name, _modifier, values, key) => {
      switch (name) {
        case 'patient':
        case 'subject':
          ids = intersect(ids, patientIds(values));
          break;
        case 'category': {
          const cats = values
            .map(token)
            .filter((t) => t.system === undefined || t.system === OBSERVATION_CATEGORY)
            .map((t) => t.code);
          if (!cats.includes('vital-signs')) {
            kinds = [];
          }
          if (!cats.includes('survey')) {
            instruments = [];
          }
          break;
        }
        case 'code': {
          const tokens = values.map(token);
          const loincLike = tokens
            .filter((t) => t.system === undefined || t.system === LOINC)
            .map((t) => t.code);
          const mdc = tokens.filter((t) => t.system === undefined || t.system === MDC).map((t) => t.code);
          const wantedKinds = new Set(
            [...loincLike.map(vitalByLoinc), ...mdc.map(vitalByMdc)]
              .filter((v) => v !== undefined)
              .map((v) => v.kind),
          );
          const wantedInstruments = new Set(
            tokens
              .map((t) => instrumentByScoreCode(t.system, t.code))
              .filter((i) => i !== undefined)
              .map((i) => i.id),
          );
          kinds = kinds.filter((k) => wantedKinds.has(k));
          instruments = instruments.filter((i) => wantedInstruments.has(i.id));
          break;
        }
        case 'date':
          dates.push(...dateParam(values, key));
          break;
      }
    },
  );
  return { filter: { ...(ids ? { patientIds: ids } : {}), vitalKinds: kinds, instruments, dates }, used };
}

/** The instrument a `questionnaire` reference names: its canonical, `Questionnaire/<id>` or `<id>`. */
function instrumentOfReference(value: string) {
  const byCanonical = instrumentByCanonical(value);
  if (byCanonical) {
    return byCanonical;
  }
  const id = /(?:^|\/)Questionnaire\/([^/|]+)$/.exec(value)?.[1] ?? (value.includes('/') ? '' : value);
  return instrumentByQuestionnaireId(id);
}

// See: https://hl7.org/fhir/R4/valueset-questionnaire-answers-status.html (the two we store)
const RESPONSE_STATUSES = ['completed', 'in-progress'] as const;

export function questionnaireResponseSearch(query: Query, strict: boolean): ParsedSearch<ResponseFilter> {
  const f: ResponseFilter = { dates: [] };
  const used = eachParam(
    query,
    {
      _id: [undefined],
      patient: [undefined],
      subject: [undefined],
      questionnaire: [undefined],
      status: [undefined],
      authored: [undefined],
    },
    strict,
    (name, _modifier, values, key) => {
      switch (name) {
        case '_id':
          f.ids = intersect(f.ids, values.filter(isUuid));
          break;
        case 'patient':
        case 'subject':
          f.patientIds = intersect(f.patientIds, patientIds(values));
          break;
        case 'questionnaire':
          f.instruments = intersect(
            f.instruments,
            values.map(instrumentOfReference).flatMap((i) => (i ? [i.id] : [])),
          );
          break;
        case 'status': {
          const wanted = values.map(token).map((t) => t.code);
          f.complete = intersect(
            f.complete,
            RESPONSE_STATUSES.filter((st) => wanted.includes(st)).map((st) => st === 'completed'),
          );
          break;
        }
        case 'authored':
          f.dates.push(...dateParam(values, key));
          break;
      }
    },
  );
  return { filter: f, used };
}

export interface QuestionnaireFilter {
  ids?: string[];
  urls?: string[];
  /** AND across repeated parameters. */
  names: StringMatch[];
  titles: StringMatch[];
}

export function questionnaireSearch(query: Query, strict: boolean): ParsedSearch<QuestionnaireFilter> {
  const f: QuestionnaireFilter = { names: [], titles: [] };
  const stringModifiers = [undefined, 'contains', 'exact'] as const;
  const used = eachParam(
    query,
    { _id: [undefined], url: [undefined], name: stringModifiers, title: stringModifiers },
    strict,
    (name, modifier, values) => {
      const match = (): StringMatch => ({
        mode: modifier === 'contains' ? 'contains' : modifier === 'exact' ? 'exact' : 'start',
        values,
      });
      switch (name) {
        case '_id':
          f.ids = intersect(f.ids, values);
          break;
        case 'url':
          // See: https://hl7.org/fhir/R4/search.html#uri (exact match; a "|version" is not part of url)
          f.urls = intersect(
            f.urls,
            values.map((v) => v.split('|')[0] ?? v),
          );
          break;
        case 'name':
          f.names.push(match());
          break;
        case 'title':
          f.titles.push(match());
          break;
      }
    },
  );
  return { filter: f, used };
}

/** FHIR string matching: case-insensitive prefix by default, `:contains`, `:exact` (case-sensitive). */
function stringMatches(text: string, m: StringMatch): boolean {
  return m.values.some((v) =>
    m.mode === 'exact'
      ? text === v
      : m.mode === 'contains'
        ? text.toLowerCase().includes(v.toLowerCase())
        : text.toLowerCase().startsWith(v.toLowerCase()),
  );
}

export function questionnaireMatches(f: QuestionnaireFilter, q: Questionnaire): boolean {
  return (
    (f.ids === undefined || f.ids.includes(q.id ?? '')) &&
    (f.urls === undefined || f.urls.includes(q.url ?? '')) &&
    f.names.every((m) => stringMatches(q.name ?? '', m)) &&
    f.titles.every((m) => stringMatches(q.title ?? '', m))
  );
}

/** Prefer: handling=strict makes unknown parameters an error. */
export function isStrict(prefer: string | string[] | undefined): boolean {
  const text = Array.isArray(prefer) ? prefer.join(',') : (prefer ?? '');
  return /handling\s*=\s*strict/i.test(text);
}

function queryString(query: Query, keys: string[], page: Page, sort: string | undefined): string {
  const parts: string[] = [];
  for (const key of keys) {
    for (const v of occurrences(query, key)) {
      parts.push(`${encodeURIComponent(key)}=${encodeURIComponent(v)}`);
    }
  }
  if (sort) {
    parts.push(`_sort=${encodeURIComponent(sort)}`);
  }
  parts.push(`_count=${page.limit}`);
  if (page.offset) {
    parts.push(`_offset=${page.offset}`);
  }
  return parts.join('&');
}

/** A searchset Bundle with total, self/next/previous links and match entries. */
export function searchset(s: {
  base: string;
  resourceType: string;
  query: Query;
  /** The search parameters applied (unknown ones are left out of the links). */
  used: string[];
  page: Page;
  /** The _sort applied, if any. */
  sort?: string | undefined;
  total: number;
  resources: Resource[];
  now: Date;
}): Bundle {
  const url = (p: Page): string => `${s.base}/${s.resourceType}?${queryString(s.query, s.used, p, s.sort)}`;
  // See: https://hl7.org/fhir/R4/http.html#paging
  const link = [{ relation: 'self', url: url(s.page) }];
  if (s.page.limit > 0 && s.page.offset + s.resources.length < s.total) {
    link.push({ relation: 'next', url: url({ limit: s.page.limit, offset: s.page.offset + s.page.limit }) });
  }
  if (s.page.offset > 0) {
    link.push({
      relation: 'previous',
      url: url({ limit: s.page.limit, offset: Math.max(0, s.page.offset - s.page.limit) }),
    });
  }
  const entry: BundleEntry[] = s.resources.map((r) => ({
    fullUrl: `${s.base}/${r.resourceType}/${r.id ?? ''}`,
    resource: r,
    search: { mode: 'match' },
  }));
  // See: https://hl7.org/fhir/R4/json.html (arrays are never empty: an empty page has no entry)
  return {
    resourceType: 'Bundle',
    type: 'searchset',
    timestamp: s.now.toISOString(),
    total: s.total,
    link,
    ...(entry.length ? { entry } : {}),
  };
}
