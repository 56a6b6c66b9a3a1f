import { sql, type Kysely } from 'kysely';
import { runScript } from '../sql-script.ts';

// Issue 10 "Outcome report honesty", on the per-patient summaries of 2026-11-26T1200_outcome_summary:
//
// - The baseline is the latest complete score before the FIRST DOSE (the first infusion's start,
//   patient_outcome_summary.first_at), no longer any score up to the end of that clinic day: a PHQ-9
//   answered after the dose is an acute effect, never the baseline. Scores between the dose and the end
//   of its day stay out of the follow-up too (follow_* still starts at first_day_end), so they are neither.
// - The outcome window of the patient's latest plan (protocol.outcome.followUpWindow, days around the
//   last induction session; domain/src/plans/outcome-window.ts) is kept beside the plan's other facts,
//   null when the protocol snapshot has none (the report applies the cited default).
//
// Only the two *_fresh views change (same columns, plus the two window columns at the end of the
// outcome summary); the triggers and refresh_outcome_summary() that fill the tables from them stay. The
// treatment_plans trigger already watches the `protocol` column, so an edited window refreshes too.
export async function up(db: Kysely<unknown>): Promise<void> {
  await runScript(
    db,
    `
    alter table patient_outcome_summary add column outcome_from_day int, add column outcome_to_day int;

    create or replace view patient_outcome_summary_fresh with (security_invoker = true) as
    select s.patient_id, s.clinic_id, s.first_at,
      (s.first_at at time zone s.time_zone)::date as first_day,
      (((s.first_at at time zone s.time_zone)::date + 1)::timestamp at time zone s.time_zone) as first_day_end,
      pl.protocol_id as plan_protocol_id, pl.status as plan_status, pl.planned as planned_induction,
      pl.indication,
      n.done as sessions_done,
      s.done_started[n.done] as last_done_started,
      s.done_day[case when coalesce(pl.planned, n.done) <= n.done then coalesce(pl.planned, n.done) end]
        as series_end_day,
      s.done_day[case when coalesce(pl.planned, n.done) < n.done then coalesce(pl.planned, n.done) + 1 end]
        as first_booster_day,
      s.done_day[n.done] as last_contact_day,
      s.done_started, s.done_day,
      pl.outcome_from_day, pl.outcome_to_day
    from (
      select i.patient_id, i.clinic_id, c.time_zone, min(i.started_at) as first_at,
        coalesce(array_agg(i.started_at order by i.started_at, coalesce(i.ended_at, i.started_at), i.id)
          filter (where i.stage = 'discharged'), '{}') as done_started,
        coalesce(array_agg((coalesce(i.ended_at, i.started_at) at time zone c.time_zone)::date
          order by i.started_at, coalesce(i.ended_at, i.started_at), i.id)
          filter (where i.stage = 'discharged'), '{}') as done_day
      from infusions i
      join clinics c on c.id = i.clinic_id
      where i.started_at is not null and i.stage <> 'cancelled'
      group by i.patient_id, i.clinic_id, c.time_zone
    ) s
    join patients p on p.id = s.patient_id and p.clinic_id = s.clinic_id
    cross join lateral (select cardinality(s.done_started) as done) n
    left join lateral (
      select tp.protocol_id, tp.status, (tp.protocol -> 'induction' ->> 'sessions')::int as planned,
        tp.protocol ->> 'indication' as indication,
        (tp.protocol -> 'outcome' -> 'followUpWindow' ->> 'fromDay')::int as outcome_from_day,
        (tp.protocol -> 'outcome' -> 'followUpWindow' ->> 'toDay')::int as outcome_to_day
      from treatment_plans tp
      where tp.patient_id = s.patient_id and tp.clinic_id = s.clinic_id
      order by tp.created_at desc, tp.status = 'active' desc, tp.id desc
      limit 1
    ) pl on true;

    create or replace view patient_score_summary_fresh with (security_invoker = true) as
    select g.patient_id, g.instrument, g.clinic_id, g.baseline_day, g.baseline_score,
      g.follow_at[n.last] as follow_up_at, g.follow_day[n.last] as follow_up_day,
      g.follow_score[n.last] as follow_up_score,
      g.follow_at, g.follow_day, g.follow_score
    from (
      select o.patient_id, r.instrument, o.clinic_id,
        -- Before the first dose, not before the end of its day.
        (array_agg((r.authored_at at time zone c.time_zone)::date order by r.authored_at desc, r.total desc)
          filter (where r.authored_at < o.first_at))[1] as baseline_day,
        (array_agg(r.total order by r.authored_at desc, r.total desc)
          filter (where r.authored_at < o.first_at))[1] as baseline_score,
        coalesce(array_agg(r.authored_at order by r.authored_at, r.total)
          filter (where r.authored_at >= o.first_day_end), '{}') as follow_at,
        coalesce(array_agg((r.authored_at at time zone c.time_zone)::date order by r.authored_at, r.total)
          filter (where r.authored_at >= o.first_day_end), '{}') as follow_day,
        coalesce(array_agg(r.total order by r.authored_at, r.total)
          filter (where r.authored_at >= o.first_day_end), '{}') as follow_score
      from patient_outcome_summary o
      join clinics c on c.id = o.clinic_id
      join questionnaire_responses r on r.clinic_id = o.clinic_id and r.patient_id = o.patient_id
      where r.complete and r.total is not null
      group by o.patient_id, r.instrument, o.clinic_id, o.first_at, o.first_day_end
    ) g
    cross join lateral (select cardinality(g.follow_at) as last) n;
  `,
  );
  // Every stored row again under the new rules; then statistics for the report's plan.
  await sql`select refresh_outcome_summary()`.execute(db);
  await sql`analyze patient_outcome_summary, patient_score_summary`.execute(db);
}
