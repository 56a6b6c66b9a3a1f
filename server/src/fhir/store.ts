import { sql, type ExpressionBuilder, type Expression, type SqlBool } from 'kysely';
import type { Tx } from '../db/clinic-scope.ts';
import type { DB } from '../db/types.ts';
import type { VitalKind } from './codes.ts';

// SQL for the FHIR facade's searches and reads. Patient and questionnaire writes go through the
// existing stores (patients/store.ts, questionnaires/service.ts); vital signs through infusions/vitals.ts.

/** One comparison of a date search parameter; `or` for `ne` (outside the range). */
export type DateCmp =
  | { op: '>=' | '<'; value: Date | string }
  | { or: [{ op: '>=' | '<'; value: Date | string }, { op: '>=' | '<'; value: Date | string }] };

export interface Page {
  limit: number;
  offset: number;
}

/** The window count of the first row, or a count query when the page came back empty past the start. */
async function totalOf(
  rows: readonly { match_count: number }[],
  page: Page,
  count: () => Promise<{ n: number }>,
): Promise<number> {
  if (rows[0]) {
    return Number(rows[0].match_count);
  }
  if (page.offset === 0 && page.limit > 0) {
    return 0;
  }
  return Number((await count()).n);
}

// See: https://hl7.org/fhir/R4/search.html#string (prefix match by default, :contains, :exact)
export interface StringMatch {
  mode: 'start' | 'contains' | 'exact';
  /** OR within one parameter (comma-separated values). */
  values: string[];
}

export interface PatientFilter {
  ids?: string[];
  mrns?: string[];
  /** AND across repeated parameters. */
  names?: StringMatch[];
  families?: StringMatch[];
  givens?: StringMatch[];
  birthDates?: DateCmp[];
  genders?: string[];
}

const likeEscape = (s: string): string => s.toLowerCase().replace(/[%_\\]/g, (c) => `\\${c}`);

function stringCondition(
  eb: ExpressionBuilder<DB, 'patients'>,
  columns: Expression<string>[],
  m: StringMatch,
): Expression<SqlBool> {
  const ors: Expression<SqlBool>[] = [];
  for (const value of m.values) {
    for (const col of columns) {
      const lowered = sql<string>`lower(${col})`;
      if (m.mode === 'exact') {
        ors.push(eb(col, '=', value));
      } else {
        ors.push(
          eb(lowered, 'like', m.mode === 'start' ? `${likeEscape(value)}%` : `%${likeEscape(value)}%`),
        );
      }
    }
  }
  return eb.or(ors);
}

function dateCondition<T extends keyof DB>(
  eb: ExpressionBuilder<DB, T>,
  column: Expression<unknown>,
  c: DateCmp,
): Expression<SqlBool> {
  if ('or' in c) {
    return eb.or(c.or.map((x) => eb(column, x.op, x.value)));
  }
  return eb(column, c.op, c.value);
}

export async function searchPatients(tx: Tx, clinicId: string, f: PatientFilter, page: Page) {
  let q = tx.selectFrom('patients').where('clinic_id', '=', clinicId);
  if (f.ids) {
    q = q.where('id', 'in', f.ids.length ? f.ids : ['00000000-0000-0000-0000-000000000000']);
  }
  if (f.mrns) {
    q = q.where('mrn', 'in', f.mrns.length ? f.mrns : ['']);
  }
  if (f.genders) {
    q = q.where('sex', 'in', f.genders.length ? f.genders : ['']);
  }
  for (const m of f.names ?? []) {
    q = q.where((eb) => {
      const given = eb.ref('given_name');
      const family = eb.ref('family_name');
      return stringCondition(eb, [given, family, sql<string>`given_name || ' ' || family_name`], m);
    });
  }
  for (const m of f.families ?? []) {
    q = q.where((eb) => stringCondition(eb, [eb.ref('family_name')], m));
  }
  for (const m of f.givens ?? []) {
    q = q.where((eb) => stringCondition(eb, [eb.ref('given_name')], m));
  }
  for (const c of f.birthDates ?? []) {
    q = q.where((eb) => dateCondition(eb, eb.ref('birth_date'), c));
  }

  const rows = await q
    .selectAll()
    .select(sql<number>`count(*) over ()`.as('match_count'))
    .orderBy(sql`lower(family_name)`)
    .orderBy(sql`lower(given_name)`)
    .orderBy('id')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
  const total = await totalOf(rows, page, () =>
    q.select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow(),
  );
  return { rows, total };
}

export interface VitalFilter {
  patientIds?: string[];
  kinds?: VitalKind[];
  dates: DateCmp[];
  desc: boolean;
}

const vitalColumns = [
  'id',
  'patient_id',
  'kind',
  'value',
  'diastolic',
  'effective_at',
  'source',
  'device',
  'created_at',
] as const;

/** Uses vital_signs_patient (clinic_id, patient_id, effective_at) for the usual patient + date search. */
export async function searchVitals(tx: Tx, clinicId: string, f: VitalFilter, page: Page) {
  let q = tx.selectFrom('vital_signs').where('clinic_id', '=', clinicId);
  if (f.patientIds) {
    q =
      f.patientIds.length === 1
        ? q.where('patient_id', '=', f.patientIds[0] ?? '')
        : q.where('patient_id', 'in', f.patientIds);
  }
  if (f.kinds) {
    q = q.where('kind', 'in', f.kinds);
  }
  for (const c of f.dates) {
    q = q.where((eb) => dateCondition(eb, eb.ref('effective_at'), c));
  }
  const dir = f.desc ? 'desc' : 'asc';
  const rows =
    page.limit === 0
      ? []
      : await q
          .select([...vitalColumns, sql<number>`count(*) over ()`.as('match_count')])
          .orderBy('effective_at', dir)
          .orderBy('id', dir)
          .limit(page.limit)
          .offset(page.offset)
          .execute();
  const total = await totalOf(rows, page, () =>
    q.select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow(),
  );
  return { rows, total };
}
export function findVital(tx: Tx, id: string) {
  return tx.selectFrom('vital_signs').select(vitalColumns).where('id', '=', id).executeTakeFirst();
}
export type VitalRow = NonNullable<Awaited<ReturnType<typeof findVital>>>;

export interface ScoreFilter {
  patientIds?: string[];
  instruments: string[];
  dates: DateCmp[];
  desc: boolean;
}

const scoreColumns = [
  'id',
  'patient_id',
  'instrument',
  'total',
  'band',
  'complete',
  'imputed',
  'authored_at',
  'created_at',
] as const;

/** Survey score Observations are the scored questionnaire_responses rows (questionnaire_responses_patient index). */
export async function searchScores(tx: Tx, clinicId: string, f: ScoreFilter, page: Page) {
  let q = tx
    .selectFrom('questionnaire_responses')
    .where('clinic_id', '=', clinicId)
    .where('instrument', 'in', f.instruments);
  if (f.patientIds) {
    q =
      f.patientIds.length === 1
        ? q.where('patient_id', '=', f.patientIds[0] ?? '')
        : q.where('patient_id', 'in', f.patientIds);
  }
  for (const c of f.dates) {
    q = q.where((eb) => dateCondition(eb, eb.ref('authored_at'), c));
  }
  const dir = f.desc ? 'desc' : 'asc';
  const rows =
    page.limit === 0
      ? []
      : await q
          .select([...scoreColumns, sql<number>`count(*) over ()`.as('match_count')])
          .orderBy('authored_at', dir)
          .orderBy('id', dir)
          .limit(page.limit)
          .offset(page.offset)
          .execute();
  const total = await totalOf(rows, page, () =>
    q.select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow(),
  );
  return { rows, total };
}
export function findScore(tx: Tx, responseId: string) {
  return tx
    .selectFrom('questionnaire_responses')
    .select(scoreColumns)
    .where('id', '=', responseId)
    .executeTakeFirst();
}
export type ScoreRow = NonNullable<Awaited<ReturnType<typeof findScore>>>;

export interface ResponseFilter {
  ids?: string[];
  patientIds?: string[];
  instruments?: string[];
  /** true: completed (scored); false: in progress (too many items skipped to score). */
  complete?: boolean[];
  dates: DateCmp[];
}

/** QuestionnaireResponses as stored (questionnaire_responses_patient index for the usual patient search). */
export async function searchResponses(
  tx: Tx,
  clinicId: string,
  f: ResponseFilter,
  desc: boolean,
  page: Page,
) {
  const none = ['00000000-0000-0000-0000-000000000000'];
  let q = tx.selectFrom('questionnaire_responses').where('clinic_id', '=', clinicId);
  if (f.ids) {
    q = q.where('id', 'in', f.ids.length ? f.ids : none);
  }
  if (f.patientIds) {
    q = q.where('patient_id', 'in', f.patientIds.length ? f.patientIds : none);
  }
  if (f.instruments) {
    q = q.where('instrument', 'in', f.instruments.length ? f.instruments : ['']);
  }
  if (f.complete) {
    const wanted = f.complete;
    q = wanted.length ? q.where('complete', 'in', wanted) : q.where(sql<boolean>`false`);
  }
  for (const c of f.dates) {
    q = q.where((eb) => dateCondition(eb, eb.ref('authored_at'), c));
  }
  const dir = desc ? 'desc' : 'asc';
  const rows =
    page.limit === 0
      ? []
      : await q
          .selectAll()
          .select(sql<number>`count(*) over ()`.as('match_count'))
          .orderBy('authored_at', dir)
          .orderBy('id', dir)
          .limit(page.limit)
          .offset(page.offset)
          .execute();
  const total = await totalOf(rows, page, () =>
    q.select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow(),
  );
  return { rows, total };
}

/** Does this patient exist in the clinic the transaction is fenced to? */
export async function patientExists(tx: Tx, id: string): Promise<boolean> {
  return (await tx.selectFrom('patients').select('id').where('id', '=', id).executeTakeFirst()) !== undefined;
}
