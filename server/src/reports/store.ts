import { sql } from 'kysely';
import type { Tx } from '../db/clinic-scope.ts';

/**
 * One row per patient for the outcome report, reduced in SQL so a clinic with 100,000 patients and a
 * million responses is answered in one pass: the first infusion day, the baseline (the latest complete
 * score on or before that day — assessResponse's rule, domain/src/outcomes/response.ts), the latest
 * complete follow-up after it up to the end date, and the completed sessions of the latest plan.
 * Days are the clinic's calendar days. Passing only the baseline and the latest follow-up to the
 * domain gives the same answer as passing every score, since those are the two it picks.
 */
export interface OutcomeSourceRow {
  patient_id: string;
  first_day: string;
  baseline_day: string | null;
  baseline_score: number | null;
  follow_up_day: string | null;
  follow_up_score: number | null;
  planned_induction: number | null;
  /** Completed (discharged) sessions up to the end date. */
  sessions_done: number;
  /** The day the planned-th completed session ended, and the next one's (the first booster). */
  series_end_day: string | null;
  first_booster_day: string | null;
  /** The last completed session: the same whichever instrument the report is about. */
  last_contact_day: string | null;
  /** The latest plan is active: the patient is still in the clinic's care on the end date. */
  in_care: boolean;
}

export async function outcomeSource(
  tx: Tx,
  q: {
    instrument: string;
    from: string;
    to: string;
    indication?: string | undefined;
    protocolId?: string | undefined;
  },
): Promise<OutcomeSourceRow[]> {
  // PostgreSQL's JIT compiles a query this size for ~0.6 s before running it for less: measured in
  // bench/outcomes.bench.ts. Off for this transaction only.
  await sql`set local jit = off`.execute(tx);
  const result = await sql<OutcomeSourceRow>`
    -- Days are compared as instants: the clinic-day boundaries are computed once per patient, never
    -- per row (a time-zone conversion for each of a million responses costs seconds).
    with tz as (
      select time_zone as name, ((${q.to}::date + 1)::timestamp at time zone time_zone) as to_end
      from clinics where id = current_setting('openkap.clinic_id')::uuid
    ),
    sess as (
      select i.patient_id,
        min(i.started_at) as first_at,
        array_agg(coalesce(i.ended_at, i.started_at) order by i.started_at)
          filter (where i.stage = 'discharged' and i.started_at < tz.to_end) as done_at
      from infusions i, tz
      where i.started_at is not null and i.stage <> 'cancelled'
      group by i.patient_id
    ),
    first_inf as (
      select s.patient_id, s.done_at, (s.first_at at time zone tz.name)::date as first_day,
        (((s.first_at at time zone tz.name)::date + 1)::timestamp at time zone tz.name) as first_day_end
      from sess s, tz
    ),
    -- The latest score on or before the first infusion day, and the latest after it up to the end date,
    -- in one hash aggregate: max over [epoch, total] arrays picks the latest row's total without sorting.
    scores as (
      select r.patient_id,
        max(array[extract(epoch from r.authored_at), r.total])
          filter (where r.authored_at < f.first_day_end) as baseline,
        max(array[extract(epoch from r.authored_at), r.total])
          filter (where r.authored_at >= f.first_day_end and r.authored_at < tz.to_end) as follow_up
      from questionnaire_responses r
      join first_inf f on f.patient_id = r.patient_id
      cross join tz
      where r.instrument = ${q.instrument} and r.complete and r.total is not null
      group by r.patient_id
    ),
    plan as (
      select distinct on (p.patient_id) p.patient_id, p.protocol_id, p.status,
        (p.protocol -> 'induction' ->> 'sessions')::int as planned, p.protocol ->> 'indication' as indication
      from treatment_plans p
      order by p.patient_id, p.created_at desc
    ),
    picked as (
      select f.patient_id, f.first_day, f.done_at,
        (to_timestamp(s.baseline[1]) at time zone tz.name)::date as baseline_day, s.baseline[2] as baseline_score,
        (to_timestamp(s.follow_up[1]) at time zone tz.name)::date as follow_up_day, s.follow_up[2] as follow_up_score
      from first_inf f
      left join scores s on s.patient_id = f.patient_id
      cross join tz
    )
    select k.patient_id,
      to_char(k.first_day, 'YYYY-MM-DD') as first_day,
      to_char(k.baseline_day, 'YYYY-MM-DD') as baseline_day, k.baseline_score,
      to_char(k.follow_up_day, 'YYYY-MM-DD') as follow_up_day, k.follow_up_score,
      pl.planned as planned_induction,
      coalesce(cardinality(k.done_at), 0) as sessions_done,
      to_char((k.done_at[coalesce(pl.planned, cardinality(k.done_at))] at time zone tz.name)::date, 'YYYY-MM-DD')
        as series_end_day,
      to_char((k.done_at[coalesce(pl.planned, cardinality(k.done_at)) + 1] at time zone tz.name)::date, 'YYYY-MM-DD')
        as first_booster_day,
      to_char((k.done_at[cardinality(k.done_at)] at time zone tz.name)::date, 'YYYY-MM-DD') as last_contact_day,
      coalesce(pl.status = 'active', false) as in_care
    from picked k
    cross join tz
    left join plan pl on pl.patient_id = k.patient_id
    where (
        k.baseline_day between ${q.from}::date and ${q.to}::date
        or (k.baseline_day is null and k.first_day between ${q.from}::date and ${q.to}::date)
      )
      and (${q.indication ?? null}::text is null or pl.indication = ${q.indication ?? null}::text)
      and (${q.protocolId ?? null}::text is null or pl.protocol_id = ${q.protocolId ?? null}::text)
    order by k.patient_id`.execute(tx);
  return result.rows.map((r) => ({
    ...r,
    baseline_score: r.baseline_score == null ? null : Number(r.baseline_score),
    follow_up_score: r.follow_up_score == null ? null : Number(r.follow_up_score),
    sessions_done: Number(r.sessions_done),
  }));
}

/** MRNs of these patients, for the per-patient export. */
export async function mrnsOf(tx: Tx, patientIds: readonly string[]): Promise<Map<string, string>> {
  if (patientIds.length === 0) {
    return new Map();
  }
  const rows = await tx
    .selectFrom('patients')
    .select(['id', 'mrn'])
    .where('id', 'in', [...patientIds])
    .execute();
  return new Map(rows.map((r) => [r.id, r.mrn]));
}

/**
 * Everything the booster-signal list needs, for every patient with an active plan, in three queries
 * (plans, their sessions, their complete scores) instead of three per patient.
 */
export async function activePlansWithHistory(tx: Tx) {
  const plans = await tx
    .selectFrom('treatment_plans as tp')
    .innerJoin('patients as p', 'p.id', 'tp.patient_id')
    .select(['tp.id', 'tp.patient_id', 'tp.protocol', 'p.mrn', 'p.given_name', 'p.family_name'])
    .where('tp.status', '=', 'active')
    .execute();
  const ids = [...new Set(plans.map((p) => p.patient_id))];
  if (ids.length === 0) {
    return { plans, infusions: [], responses: [] };
  }
  const inList = sql<boolean>`patient_id = any(${ids}::uuid[])`;
  const [infusions, responses] = await Promise.all([
    tx
      .selectFrom('infusions')
      .select([
        'id',
        'patient_id',
        'plan_id',
        'stage',
        'scheduled_at',
        'started_at',
        'ended_at',
        'total_dose_mg',
      ])
      .where(inList)
      .orderBy('scheduled_at')
      .orderBy('created_at')
      .execute(),
    tx
      .selectFrom('questionnaire_responses')
      .selectAll()
      .where(inList)
      .where('complete', '=', true)
      .orderBy('authored_at')
      .execute(),
  ]);
  return { plans, infusions, responses };
}
