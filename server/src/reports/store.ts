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
  /** Completed session days in order (discharged sessions up to the end date). */
  session_days: string[];
  last_contact_day: string | null;
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
  const result = await sql<OutcomeSourceRow>`
    with tz as (
      select time_zone as name from clinics where id = current_setting('openkap.clinic_id')::uuid
    ),
    plan as (
      select distinct on (p.patient_id) p.patient_id, p.id, p.protocol_id, p.protocol
      from treatment_plans p
      order by p.patient_id, p.created_at desc
    ),
    first_inf as (
      select i.patient_id, min((i.started_at at time zone tz.name)::date) as first_day
      from infusions i, tz
      where i.started_at is not null and i.stage <> 'cancelled'
      group by i.patient_id
    ),
    scored as (
      select r.patient_id, (r.authored_at at time zone tz.name)::date as day, r.total, r.authored_at
      from questionnaire_responses r, tz
      where r.instrument = ${q.instrument} and r.complete and r.total is not null
    ),
    baseline as (
      select distinct on (s.patient_id) s.patient_id, s.day, s.total
      from scored s join first_inf f on f.patient_id = s.patient_id
      where s.day <= f.first_day
      order by s.patient_id, s.day desc, s.authored_at desc
    ),
    follow_up as (
      select distinct on (s.patient_id) s.patient_id, s.day, s.total
      from scored s join first_inf f on f.patient_id = s.patient_id
      where s.day > f.first_day and s.day <= ${q.to}::date
      order by s.patient_id, s.day desc, s.authored_at desc
    ),
    sessions as (
      select i.patient_id,
        array_agg(to_char((coalesce(i.ended_at, i.started_at) at time zone tz.name)::date, 'YYYY-MM-DD')
          order by i.started_at) as days,
        max((coalesce(i.ended_at, i.started_at) at time zone tz.name)::date) as last_day
      from infusions i, tz
      where i.stage = 'discharged' and i.started_at is not null
        and (i.started_at at time zone tz.name)::date <= ${q.to}::date
      group by i.patient_id
    )
    select f.patient_id,
      to_char(f.first_day, 'YYYY-MM-DD') as first_day,
      to_char(b.day, 'YYYY-MM-DD') as baseline_day, b.total as baseline_score,
      to_char(u.day, 'YYYY-MM-DD') as follow_up_day, u.total as follow_up_score,
      (pl.protocol -> 'induction' ->> 'sessions')::int as planned_induction,
      coalesce(se.days, '{}') as session_days,
      to_char(greatest(se.last_day, u.day), 'YYYY-MM-DD') as last_contact_day
    from first_inf f
    left join baseline b on b.patient_id = f.patient_id
    left join follow_up u on u.patient_id = f.patient_id
    left join sessions se on se.patient_id = f.patient_id
    left join plan pl on pl.patient_id = f.patient_id
    where (
        b.day between ${q.from}::date and ${q.to}::date
        or (b.day is null and f.first_day between ${q.from}::date and ${q.to}::date)
      )
      and (${q.indication ?? null}::text is null or pl.protocol ->> 'indication' = ${q.indication ?? null}::text)
      and (${q.protocolId ?? null}::text is null or pl.protocol_id = ${q.protocolId ?? null}::text)
    order by f.patient_id`.execute(tx);
  return result.rows.map((r) => ({
    ...r,
    baseline_score: r.baseline_score == null ? null : Number(r.baseline_score),
    follow_up_score: r.follow_up_score == null ? null : Number(r.follow_up_score),
  }));
}

/** MRNs for the per-patient export; nothing is read when the caller wants only the totals. */
export async function mrnsOf(
  tx: Tx,
  patientIds: readonly string[],
  wanted: boolean,
): Promise<Map<string, string>> {
  if (!wanted || patientIds.length === 0) {
    return new Map();
  }
  const rows = await tx
    .selectFrom('patients')
    .select(['id', 'mrn'])
    .where('id', 'in', [...patientIds])
    .execute();
  return new Map(rows.map((r) => [r.id, r.mrn]));
}
