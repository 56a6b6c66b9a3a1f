import { sql } from 'kysely';
import type { FollowUpRule } from '@openkap/domain/outcomes/response';
import type { OutcomeWindow } from '@openkap/domain/plans/outcome-window';
import type { Tx } from '../db/clinic-scope.ts';

/**
 * One row per patient for the outcome report: the first infusion day, the baseline (the latest complete
 * score before the first dose), the follow-up score the report's rule picks (domain/src/outcomes/
 * response.ts: the latest in the patient's window around the last induction session, or the latest from
 * that window's opening up to the end date; none before the series is complete), and the completed
 * sessions of the latest plan. Days are the clinic's calendar days. Passing only the baseline and the
 * picked follow-up to the domain gives the same answer as passing every score, since those are the two
 * it picks.
 *
 * Read from the per-patient summaries the database keeps on write (migrations
 * 2026-11-26T1200_outcome_summary and 2026-12-04T1300_outcome_window), so a clinic with 100,000 patients
 * and a million responses reads 100,000 short rows instead of aggregating the million
 * (bench/outcomes.bench.ts). The summaries hold every completed session and every follow-up score; the
 * end date only cuts those arrays, and the window picks in them by binary search (width_bucket).
 */
export interface OutcomeSourceRow {
  patient_id: string;
  first_day: string;
  baseline_day: string | null;
  baseline_score: number | null;
  /** The follow-up score the rule picked (the outcome); null when there is none. */
  follow_up_day: string | null;
  follow_up_score: number | null;
  planned_induction: number | null;
  /** Completed (discharged) sessions up to the end date. */
  sessions_done: number;
  /** The day the planned-th completed session ended, and the next one's (the first booster). */
  series_end_day: string | null;
  first_booster_day: string | null;
  /**
   * The earliest relapse a clinician recorded on or after series_end_day and on or before the end date
   * (relapses during the series are not events of the time to booster or relapse).
   */
  first_relapse_day: string | null;
  /** The last completed session: the same whichever instrument the report is about. */
  last_contact_day: string | null;
  /** The latest plan is active: the patient is still in the clinic's care on the end date. */
  in_care: boolean;
  /** The latest plan's outcome window (protocol.outcome.followUpWindow); null: the report's default. */
  outcome_from_day: number | null;
  outcome_to_day: number | null;
}

export async function outcomeSource(
  tx: Tx,
  q: {
    instrument: string;
    from: string;
    to: string;
    indication?: string | undefined;
    protocolId?: string | undefined;
    followUpRule: FollowUpRule;
    /** For patients whose protocol sets no window. */
    defaultWindow: OutcomeWindow;
  },
): Promise<OutcomeSourceRow[]> {
  // For this transaction only: PostgreSQL's JIT compiles a query this size for longer than it runs; the
  // default 4 MB of work memory spills the join and the sort of 100,000 rows to disk; and dates leave
  // as ISO yyyy-mm-dd (the DATE parser keeps them as strings), which costs a third of to_char's time.
  await sql`select set_config('jit', 'off', true), set_config('work_mem', '64MB', true),
    set_config('datestyle', 'ISO', true)`.execute(tx);
  const result = await sql<OutcomeSourceRow>`
    -- "Up to the end date" is before the end of its clinic day: at or before its last microsecond.
    -- Read as (select to_last from tz), an InitPlan computed once; joined, the time-zone conversion
    -- would be repeated in every expression of every row.
    with tz as materialized (
      select ((${q.to}::date + 1)::timestamp at time zone time_zone) - interval '1 microsecond' as to_last
      from clinics where id = current_setting('openkap.clinic_id')::uuid
    ),
    -- An end date past a patient's last session (last follow-up) reads the stored values; an earlier
    -- one cuts the arrays: width_bucket counts the elements of a sorted array at or below a value (a
    -- binary search), null here when nothing is cut.
    cut as (
      select o.*, s.baseline_day, s.baseline_score, s.follow_day, s.follow_score,
        case when o.last_done_started > (select to_last from tz)
          then width_bucket((select to_last from tz), o.done_started) end as done_n,
        case when s.follow_up_at > (select to_last from tz)
          then width_bucket((select to_last from tz), s.follow_at) end as follow_n
      from patient_outcome_summary o
      left join patient_score_summary s on s.patient_id = o.patient_id and s.instrument = ${q.instrument}
      where coalesce(s.baseline_day, o.first_day) between ${q.from}::date and ${q.to}::date
        and (${q.indication ?? null}::text is null or o.indication = ${q.indication ?? null}::text)
        and (${q.protocolId ?? null}::text is null or o.plan_protocol_id = ${q.protocolId ?? null}::text)
    ),
    -- A cut series: its end, first booster and last contact as the summary computes them over all the
    -- sessions (migration 2026-11-26T1200), over the first done_n only.
    k as (
      select cut.*, coalesce(cut.planned_induction, cut.done_n) as series_n from cut
    ),
    -- Relapses are few (a clinician's judgement, not a measurement): each patient's relapse days up to the
    -- end date, sorted, grouped once; the first one on or after the series end is picked per row below.
    rl as (
      select patient_id, array_agg(noted_on order by noted_on) as days
      from relapses where noted_on <= ${q.to}::date
      group by patient_id
    ),
    src as (
    select k.patient_id, k.first_day, k.baseline_day, k.baseline_score,
      k.follow_day, k.follow_score,
      -- The follow-up scores up to the end date: the first follow_n, or all of them.
      coalesce(k.follow_n, cardinality(k.follow_day)) as follow_to_n,
      k.planned_induction,
      coalesce(k.done_n, k.sessions_done) as sessions_done,
      case when k.done_n is null then k.series_end_day
        else k.done_day[case when k.series_n <= k.done_n then k.series_n end] end as series_end_day,
      case when k.done_n is null then k.first_booster_day
        else k.done_day[case when k.series_n < k.done_n then k.series_n + 1 end] end as first_booster_day,
      case when k.done_n is null then k.last_contact_day else k.done_day[k.done_n] end as last_contact_day,
      coalesce(k.plan_status = 'active', false) as in_care,
      k.outcome_from_day, k.outcome_to_day,
      coalesce(k.outcome_from_day, ${q.defaultWindow.fromDay}::int) as win_from,
      coalesce(k.outcome_to_day, ${q.defaultWindow.toDay}::int) as win_to
    from k
    ),
    -- The outcome: the last follow-up score on or before the window's close (end of series) or the end
    -- date (latest), if it is on or after the window's opening. No series end (not complete): none.
    picked as (
      select src.*,
        case when ${q.followUpRule}::text = 'latest' then src.follow_to_n
          else least(src.follow_to_n, width_bucket(src.series_end_day + src.win_to, src.follow_day)) end as pick_n
      from src
    )
    select src.patient_id, src.first_day, src.baseline_day, src.baseline_score,
      case when src.pick_n > 0 and src.follow_day[src.pick_n] >= src.series_end_day + src.win_from
        then src.follow_day[src.pick_n] end as follow_up_day,
      case when src.pick_n > 0 and src.follow_day[src.pick_n] >= src.series_end_day + src.win_from
        then src.follow_score[src.pick_n] end as follow_up_score,
      src.planned_induction, src.sessions_done, src.series_end_day, src.first_booster_day,
      src.last_contact_day, src.in_care,
      case when rl.days is not null and src.series_end_day is not null then
        (select min(d) from unnest(rl.days) d where d >= src.series_end_day) end as first_relapse_day,
      src.outcome_from_day, src.outcome_to_day
    from picked src
    left join rl on rl.patient_id = src.patient_id
    order by src.patient_id`.execute(tx);
  // Numbers arrive as numbers (the NUMERIC parsers in db/database.ts) and days as yyyy-mm-dd strings.
  return result.rows;
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

/** Who a drill-down row is about: the chart's link, its MRN and the name staff know the patient by. */
export interface PatientLabel {
  id: string;
  mrn: string;
  givenName: string;
  familyName: string;
}

/**
 * One page of these patients, alphabetical by family name (then given name, then MRN, so the order is
 * total and pages never overlap). Sorting and cutting in SQL means only the page shown is read: a
 * "completed the series" group in a large clinic can hold thousands of patients.
 */
export async function patientPage(
  tx: Tx,
  patientIds: readonly string[],
  page: { offset: number; limit: number },
): Promise<PatientLabel[]> {
  if (patientIds.length === 0) {
    return [];
  }
  const rows = await tx
    .selectFrom('patients')
    .select(['id', 'mrn', 'given_name', 'family_name'])
    // One array parameter, not one parameter per id: a list can be longer than the wire's 65,535.
    .where(sql<boolean>`id = any(${[...patientIds]}::uuid[])`)
    .orderBy('family_name')
    .orderBy('given_name')
    .orderBy('mrn')
    .offset(page.offset)
    .limit(page.limit)
    .execute();
  return rows.map((r) => ({ id: r.id, mrn: r.mrn, givenName: r.given_name, familyName: r.family_name }));
}

/** The clinic this transaction is fenced to, for the PDF's header. */
export async function clinicHead(tx: Tx): Promise<{ name: string; timeZone: string }> {
  const row = await tx
    .selectFrom('clinics')
    .select(['name', 'time_zone'])
    .where(sql<boolean>`id = current_setting('openkap.clinic_id')::uuid`)
    .executeTakeFirst();
  return { name: row?.name ?? 'Clinic', timeZone: row?.time_zone ?? 'UTC' };
}
