import { sql, type Kysely } from 'kysely';
import { runScript } from '../sql-script.ts';

// The clinic outcome report's per-patient summary, kept up to date on write (issue 4: < 1 s over
// 100,000 patients and a million responses, where aggregating the responses at read time took ~2.5 s).
//
// patient_outcome_summary: one row per patient with a started, not cancelled infusion: the first one,
//   the latest plan, and the completed (discharged) sessions in start order.
// patient_score_summary: one row per such patient and instrument with a complete score: the baseline
//   (the latest complete score up to the end of the first infusion's clinic day) and every later
//   complete score, oldest first.
//
// Each also stores what the report shows when its end date is past the patient's last session (last
// score), the usual case; an earlier end date cuts the arrays instead (width_bucket over the instants,
// a binary search), so any `from`/`to` gives what aggregating the source rows gives
// (server/src/reports/store.ts; server/test/outcome-summary.test.ts checks both against the query
// this replaced). Days are stored as the clinic's calendar days: a new clinics.time_zone refreshes them.
//
// The *_fresh views compute the same rows from scratch: statement triggers on infusions,
// questionnaire_responses and treatment_plans refresh the touched patients from them (~1 ms per write),
// the backfill and bench/outcomes.bench.ts refresh everything, tests compare them with the tables.
export async function up(db: Kysely<unknown>): Promise<void> {
  // The definer functions below run with a pinned search_path (pg_temp last, so no session can shadow
  // a table with a temporary one); pinned to the schema the tables are created in.
  const { rows } = await sql<{ schema: string }>`select quote_ident(current_schema()) as schema`.execute(db);
  const schema = rows[0]?.schema;
  if (!schema) {
    throw new Error('no current schema');
  }
  const searchPath = `pg_catalog, ${schema}, pg_temp`;

  await runScript(
    db,
    `
    create table patient_outcome_summary (
      patient_id uuid primary key references patients(id) on delete cascade,
      clinic_id uuid not null,
      first_at timestamptz not null,
      first_day date not null,
      -- The end of the first infusion's clinic day: scores before it are baseline, after it follow-up.
      first_day_end timestamptz not null,
      -- The latest plan.
      plan_protocol_id text,
      plan_status text,
      planned_induction int,
      indication text,
      -- Over every completed session: what the report shows when its end date is past the last one.
      sessions_done int not null,
      last_done_started timestamptz,
      series_end_day date,
      first_booster_day date,
      last_contact_day date,
      -- Completed sessions in start order: when each started (an earlier end date cuts on this) and the
      -- clinic day it ended.
      done_started timestamptz[] not null,
      done_day date[] not null
    );
    create index patient_outcome_summary_clinic on patient_outcome_summary (clinic_id);

    create table patient_score_summary (
      patient_id uuid not null references patients(id) on delete cascade,
      instrument text not null,
      clinic_id uuid not null,
      baseline_day date,
      baseline_score numeric,
      -- The latest follow-up: what the report shows when its end date is past it.
      follow_up_at timestamptz,
      follow_up_day date,
      follow_up_score numeric,
      -- Every complete score after the baseline window, by (authored_at, total): parallel arrays.
      follow_at timestamptz[] not null,
      follow_day date[] not null,
      follow_score numeric[] not null,
      primary key (patient_id, instrument)
    );
    create index patient_score_summary_clinic on patient_score_summary (clinic_id, instrument);

    -- security_invoker: whoever reads a view reads through their own row-level security. Rows of
    -- another clinic naming one of this clinic's patients are left out, as that fence would.
    -- Grouped rather than a lateral per patient: a refresh of one patient reaches the infusions by
    -- patient_id (the filter is pushed into the grouping), a refresh of all is one hash aggregate.
    create view patient_outcome_summary_fresh with (security_invoker = true) as
    select s.patient_id, s.clinic_id, s.first_at,
      (s.first_at at time zone s.time_zone)::date as first_day,
      (((s.first_at at time zone s.time_zone)::date + 1)::timestamp at time zone s.time_zone) as first_day_end,
      pl.protocol_id as plan_protocol_id, pl.status as plan_status, pl.planned as planned_induction,
      pl.indication,
      n.done as sessions_done,
      s.done_started[n.done] as last_done_started,
      -- The planned-th session ends the series (the last one when no plan says how many); the next
      -- is the first booster.
      s.done_day[case when coalesce(pl.planned, n.done) <= n.done then coalesce(pl.planned, n.done) end]
        as series_end_day,
      s.done_day[case when coalesce(pl.planned, n.done) < n.done then coalesce(pl.planned, n.done) + 1 end]
        as first_booster_day,
      s.done_day[n.done] as last_contact_day,
      s.done_started, s.done_day
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
    -- A replacement plan is written in the same transaction that stops the old one, so both carry the
    -- same created_at (now() is the transaction's start): the active one is the newer.
    left join lateral (
      select tp.protocol_id, tp.status, (tp.protocol -> 'induction' ->> 'sessions')::int as planned,
        tp.protocol ->> 'indication' as indication
      from treatment_plans tp
      where tp.patient_id = s.patient_id and tp.clinic_id = s.clinic_id
      order by tp.created_at desc, tp.status = 'active' desc, tp.id desc
      limit 1
    ) pl on true;

    -- Starts from the stored outcome rows (their first_day_end), so a refresh writes those first; the
    -- tests check them against patient_outcome_summary_fresh. Reading the table rather than that view
    -- also keeps the bulk plan a hash join, whatever the estimates for rows written in this transaction.
    -- Of two scores at one instant the higher counts as the later (the report has always picked so).
    create view patient_score_summary_fresh with (security_invoker = true) as
    select g.patient_id, g.instrument, g.clinic_id, g.baseline_day, g.baseline_score,
      g.follow_at[n.last] as follow_up_at, g.follow_day[n.last] as follow_up_day,
      g.follow_score[n.last] as follow_up_score,
      g.follow_at, g.follow_day, g.follow_score
    from (
      select o.patient_id, r.instrument, o.clinic_id,
        (array_agg((r.authored_at at time zone c.time_zone)::date order by r.authored_at desc, r.total desc)
          filter (where r.authored_at < o.first_day_end))[1] as baseline_day,
        (array_agg(r.total order by r.authored_at desc, r.total desc)
          filter (where r.authored_at < o.first_day_end))[1] as baseline_score,
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
      group by o.patient_id, r.instrument, o.clinic_id, o.first_day_end
    ) g
    cross join lateral (select cardinality(g.follow_at) as last) n;

    -- Recomputes the summaries of these patients (null: of every patient), from a snapshot taken after
    -- waiting for any other transaction refreshing them: two transactions writing one patient's rows
    -- at once leave the summary of both writes, not of whichever refreshed last.
    create function refresh_outcome_summary(p_patients uuid[] default null) returns void
    language plpgsql security definer set search_path = ${searchPath} as $$
    begin
      if cardinality(p_patients) = 0 then
        return;
      end if;
      if p_patients is not null and cardinality(p_patients) <= 100 then
        -- The write path. Locks sorted, so two refreshes never wait on each other in a cycle; = any
        -- reaches the per-patient indexes through the views.
        perform pg_advisory_xact_lock(hashtext('openkap.outcome_summary'), hashtext(id::text))
        from (select distinct unnest(p_patients) as id order by 1) ids;
        delete from patient_score_summary where patient_id = any(p_patients);
        delete from patient_outcome_summary where patient_id = any(p_patients);
        insert into patient_outcome_summary
          select * from patient_outcome_summary_fresh where patient_id = any(p_patients);
        insert into patient_score_summary
          select * from patient_score_summary_fresh where patient_id = any(p_patients);
        return;
      end if;
      -- Too many for a lock each: the summaries whole, against every other refresh. Planned afresh
      -- (execute): a plan cached earlier in this session may date from before a bulk write made the
      -- source tables large, and a seq scan per patient would then never end.
      lock table patient_outcome_summary, patient_score_summary in share row exclusive mode;
      if p_patients is not null and cardinality(p_patients) <= 10000 then
        execute 'delete from patient_score_summary where patient_id = any($1)' using p_patients;
        execute 'delete from patient_outcome_summary where patient_id = any($1)' using p_patients;
        execute 'insert into patient_outcome_summary
          select * from patient_outcome_summary_fresh where patient_id = any($1)' using p_patients;
        execute 'insert into patient_score_summary
          select * from patient_score_summary_fresh where patient_id = any($1)' using p_patients;
      else
        -- Everyone, or a bulk write: one pass over everything beats 10,000+ index probes per table.
        execute 'delete from patient_score_summary';
        execute 'delete from patient_outcome_summary';
        execute 'insert into patient_outcome_summary select * from patient_outcome_summary_fresh';
        execute 'insert into patient_score_summary select * from patient_score_summary_fresh';
      end if;
    end $$;

    -- Statement triggers with transition tables: a bulk insert refreshes each patient once, set-based.
    -- Updates refresh only patients whose rows changed in a column the summary reads (an infusion's
    -- prechecks or dose order are updated often and change nothing here).
    ${Object.entries(summaryColumns)
      .map(([table, columns]) => summaryTrigger(table, columns, searchPath))
      .join('')}    create function outcome_summary_truncated() returns trigger
    language plpgsql security definer set search_path = ${searchPath} as $$
    begin
      perform refresh_outcome_summary();
      return null;
    end $$;

    -- Stored days are the clinic's: a new time zone moves them.
    create function clinics_outcome_summary() returns trigger
    language plpgsql security definer set search_path = ${searchPath} as $$
    begin
      perform refresh_outcome_summary(array(
        select patient_id from patient_outcome_summary where clinic_id = new.id));
      return null;
    end $$;
  `,
  );

  // A trigger with transition tables takes one event.
  for (const t of Object.keys(summaryColumns)) {
    await runScript(
      db,
      `
      create trigger ${t}_outcome_summary_insert after insert on ${t}
        referencing new table as new_rows
        for each statement execute function ${t}_outcome_summary();
      create trigger ${t}_outcome_summary_update after update on ${t}
        referencing old table as old_rows new table as new_rows
        for each statement execute function ${t}_outcome_summary();
      create trigger ${t}_outcome_summary_delete after delete on ${t}
        referencing old table as old_rows
        for each statement execute function ${t}_outcome_summary();
      create trigger ${t}_outcome_summary_truncate after truncate on ${t}
        for each statement execute function outcome_summary_truncated();
    `,
    );
  }

  await runScript(
    db,
    `
    create trigger clinics_outcome_summary after update of time_zone on clinics
      for each row when (old.time_zone is distinct from new.time_zone)
      execute function clinics_outcome_summary();

    -- Only the triggers write the summaries; the app reads them through the clinic fence.
    revoke all on function refresh_outcome_summary(uuid[]) from public;
    revoke all on function infusions_outcome_summary() from public;
    revoke all on function questionnaire_responses_outcome_summary() from public;
    revoke all on function treatment_plans_outcome_summary() from public;
    revoke all on function clinics_outcome_summary() from public;
    revoke all on function outcome_summary_truncated() from public;
  `,
  );
  // The clinic fence of every clinical table, its setting read once per query (a sub-select is an
  // InitPlan) instead of once per row: the report reads all of a clinic's 100,000 rows here.
  for (const t of ['patient_outcome_summary', 'patient_score_summary']) {
    await runScript(
      db,
      `
      alter table ${t} enable row level security;
      alter table ${t} force row level security;
      create policy clinic_fence on ${t}
        using (clinic_id = (select nullif(current_setting('openkap.clinic_id', true), '')::uuid))
        with check (clinic_id = (select nullif(current_setting('openkap.clinic_id', true), '')::uuid));
      grant select on ${t} to openkap_app;
    `,
    );
  }

  // Backfill: the rows written before this migration; then statistics, so the report's first plan
  // knows the summaries' size.
  await sql`select refresh_outcome_summary()`.execute(db);
  await sql`analyze patient_outcome_summary, patient_score_summary`.execute(db);
}

/** The columns of each table the summaries read: an update that changes none of them refreshes nothing. */
const summaryColumns: Record<string, readonly string[]> = {
  infusions: ['patient_id', 'clinic_id', 'stage', 'started_at', 'ended_at'],
  questionnaire_responses: ['patient_id', 'clinic_id', 'instrument', 'total', 'complete', 'authored_at'],
  treatment_plans: ['patient_id', 'clinic_id', 'protocol_id', 'status', 'protocol', 'created_at'],
};

/** One table's statement-trigger function: refresh the patients its inserted, deleted or changed rows name. */
function summaryTrigger(table: string, columns: readonly string[], searchPath: string): string {
  const row = (alias: string): string => columns.map((c) => `${alias}.${c}`).join(', ');
  return `    create function ${table}_outcome_summary() returns trigger
    language plpgsql security definer set search_path = ${searchPath} as $$
    begin
      if tg_op = 'INSERT' then
        perform refresh_outcome_summary(array(select distinct patient_id from new_rows));
      elsif tg_op = 'DELETE' then
        perform refresh_outcome_summary(array(select distinct patient_id from old_rows));
      else
        perform refresh_outcome_summary(array(
          select distinct x.patient_id
          from old_rows o full join new_rows n on n.id = o.id
          cross join lateral (values (o.patient_id), (n.patient_id)) x(patient_id)
          where x.patient_id is not null
            and (${row('o')})
              is distinct from (${row('n')})));
      end if;
      return null;
    end $$;

`;
}
