/**
 * The outcome report's per-patient summaries (migration 2026-11-26T1200_outcome_summary) are kept on
 * write by triggers. After every kind of write — inserts, an infusion cancelled, a response completed
 * later, authored_at moved, a plan replaced, deletes, a new clinic time zone, bulk statements — the
 * stored rows must equal a from-scratch computation (the *_fresh views), and the report source must
 * answer exactly what aggregating the source rows answers (the query it replaced, below).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql, type Kysely } from 'kysely';
import pg from 'pg';
import { ivDepression, ivPtsd } from '@openkap/domain/plans/protocols';
import { defaultOutcomeWindow } from '@openkap/domain/plans/outcome-window';
import type { FollowUpRule } from '@openkap/domain/outcomes/response';
import { inClinic, type Tx } from '../src/db/clinic-scope.ts';
import type { DB } from '../src/db/types.ts';
import { insertClinic, insertStaff } from '../src/demo/store.ts';
import { closeActivePlans, insertPlan } from '../src/protocols/store.ts';
import { outcomeSource, type OutcomeSourceRow } from '../src/reports/store.ts';
import { backends, startClinic, type TestClinic } from './harness.ts';

interface SourceQuery {
  instrument: string;
  from: string;
  to: string;
  indication?: string;
  protocolId?: string;
  followUpRule: FollowUpRule;
  defaultWindow: { fromDay: number; toDay: number };
}

/**
 * The report source as it was before the summaries: everything aggregated from the source rows at read
 * time, plus the first relapse (read straight from relapses), and the rules of issue 10: the baseline is
 * the latest score before the first dose, and the follow-up is picked around the end of the series (the
 * latest score in the plan's window, or the latest from its opening; none without a series end). One
 * change: of two latest plans created at the same instant (a replacement closes the old plan and inserts
 * the new one in one transaction) the active one is taken, where this query took either.
 */
async function referenceSource(tx: Tx, q: SourceQuery): Promise<OutcomeSourceRow[]> {
  const result = await sql<OutcomeSourceRow>`
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
      select s.patient_id, s.done_at, s.first_at, (s.first_at at time zone tz.name)::date as first_day,
        (((s.first_at at time zone tz.name)::date + 1)::timestamp at time zone tz.name) as first_day_end
      from sess s, tz
    ),
    scores as (
      select r.patient_id,
        max(array[extract(epoch from r.authored_at), r.total])
          filter (where r.authored_at < f.first_at) as baseline
      from questionnaire_responses r
      join first_inf f on f.patient_id = r.patient_id
      where r.instrument = ${q.instrument} and r.complete and r.total is not null
      group by r.patient_id
    ),
    plan as (
      select distinct on (p.patient_id) p.patient_id, p.protocol_id, p.status,
        (p.protocol -> 'induction' ->> 'sessions')::int as planned, p.protocol ->> 'indication' as indication,
        (p.protocol -> 'outcome' -> 'followUpWindow' ->> 'fromDay')::int as outcome_from_day,
        (p.protocol -> 'outcome' -> 'followUpWindow' ->> 'toDay')::int as outcome_to_day
      from treatment_plans p
      order by p.patient_id, p.created_at desc, p.status = 'active' desc, p.id desc
    ),
    picked as (
      select f.patient_id, f.first_day, f.first_day_end, f.done_at,
        (to_timestamp(s.baseline[1]) at time zone tz.name)::date as baseline_day, s.baseline[2] as baseline_score
      from first_inf f
      left join scores s on s.patient_id = f.patient_id
      cross join tz
    )
    select k.patient_id,
      to_char(k.first_day, 'YYYY-MM-DD') as first_day,
      to_char(k.baseline_day, 'YYYY-MM-DD') as baseline_day, k.baseline_score,
      to_char(fu.day, 'YYYY-MM-DD') as follow_up_day, fu.total as follow_up_score,
      pl.planned as planned_induction,
      coalesce(cardinality(k.done_at), 0) as sessions_done,
      to_char(se.day, 'YYYY-MM-DD') as series_end_day,
      to_char((k.done_at[coalesce(pl.planned, cardinality(k.done_at)) + 1] at time zone tz.name)::date, 'YYYY-MM-DD')
        as first_booster_day,
      to_char((k.done_at[cardinality(k.done_at)] at time zone tz.name)::date, 'YYYY-MM-DD') as last_contact_day,
      coalesce(pl.status = 'active', false) as in_care,
      -- Relapses (migration 2026-11-26T1300): the first on or after the series end, up to the end date.
      (select to_char(min(rl.noted_on), 'YYYY-MM-DD') from relapses rl
        where rl.patient_id = k.patient_id and rl.noted_on <= ${q.to}::date and rl.noted_on >= se.day
      ) as first_relapse_day,
      pl.outcome_from_day, pl.outcome_to_day
    from picked k
    cross join tz
    left join plan pl on pl.patient_id = k.patient_id
    cross join lateral (
      select (k.done_at[coalesce(pl.planned, cardinality(k.done_at))] at time zone tz.name)::date as day
    ) se
    -- The follow-up: after the first infusion's day, up to the end date, in the window around the series end.
    left join lateral (
      select (r.authored_at at time zone tz.name)::date as day, r.total
      from questionnaire_responses r
      -- The clinic named too, so the lookup uses the (clinic_id, patient_id, authored_at) index.
      where r.clinic_id = current_setting('openkap.clinic_id')::uuid and r.patient_id = k.patient_id
        and r.instrument = ${q.instrument} and r.complete and r.total is not null
        and r.authored_at >= k.first_day_end and r.authored_at < tz.to_end
        and (r.authored_at at time zone tz.name)::date
          >= se.day + coalesce(pl.outcome_from_day, ${q.defaultWindow.fromDay}::int)
        and (${q.followUpRule}::text = 'latest' or (r.authored_at at time zone tz.name)::date
          <= se.day + coalesce(pl.outcome_to_day, ${q.defaultWindow.toDay}::int))
      order by r.authored_at desc, r.total desc
      limit 1
    ) fu on true
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

// End dates that cut through series, follow-ups, first days and the DST change (8 March 2026).
const windows: [string, string][] = [
  ['2025-01-01', '2026-12-31'],
  ['2026-02-01', '2026-03-05'],
  ['2026-03-01', '2026-03-09'],
  ['2026-03-02', '2026-03-20'],
  ['2026-03-03', '2026-03-03'],
  ['2026-01-01', '2026-02-27'],
];
const date = (instant: string | null): Date | null => (instant === null ? null : new Date(instant));

const filters: Pick<Partial<SourceQuery>, 'indication' | 'protocolId'>[] = [
  {},
  { indication: 'depression' },
  { protocolId: 'iv-ptsd' },
];

describe.each(backends)('outcome summaries kept on write (%s)', (backend) => {
  let t: TestClinic;
  let db: Kysely<DB>;
  let staffId: string;
  const ids: Record<string, string> = {};

  async function patient(mrn: string): Promise<string> {
    const { id } = await db
      .insertInto('patients')
      .values({
        clinic_id: t.clinicId,
        mrn,
        given_name: 'Summary',
        family_name: mrn,
        birth_date: '1980-01-01',
        sex: 'female',
        indication_code: 'F33.2',
        allergies: '[]',
        conditions: '{}',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    ids[mrn] = id;
    return id;
  }

  /** Writes through `w`: the app role inside inClinic, or the migration role (tests, seeders). */
  async function plan(w: Kysely<DB>, patientId: string, protocol = ivDepression): Promise<string> {
    const row = await w
      .insertInto('treatment_plans')
      .values({
        clinic_id: t.clinicId,
        patient_id: patientId,
        protocol_id: protocol.id,
        protocol: JSON.stringify(protocol),
        started_on: '2026-03-01',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  }

  async function infusion(
    w: Kysely<DB>,
    patientId: string,
    startedAt: string | null,
    opts: { stage?: string; endedAt?: string | null } = {},
  ): Promise<string> {
    const row = await w
      .insertInto('infusions')
      .values({
        clinic_id: t.clinicId,
        patient_id: patientId,
        stage: opts.stage ?? 'discharged',
        scheduled_at: startedAt ?? '2026-03-01T15:00:00Z',
        started_at: date(startedAt),
        ended_at: date(opts.endedAt === undefined ? startedAt : opts.endedAt),
        protocol: JSON.stringify(ivDepression),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  }

  async function response(
    w: Kysely<DB>,
    patientId: string,
    authoredAt: string,
    total: number | null,
    opts: { instrument?: string; complete?: boolean } = {},
  ): Promise<string> {
    const row = await w
      .insertInto('questionnaire_responses')
      .values({
        clinic_id: t.clinicId,
        patient_id: patientId,
        instrument: opts.instrument ?? 'phq9',
        answers: '{}',
        total,
        band: 'x',
        complete: opts.complete ?? total !== null,
        imputed: false,
        safety_alert: false,
        authored_at: authoredAt,
        source: 'staff',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  }

  const asApp = <T>(work: (tx: Tx) => Promise<T>): Promise<T> => inClinic(db, t.clinicId, work);

  /** Stored summaries = from-scratch summaries, row for row (each difference listed by side). */
  async function expectSummariesFresh(): Promise<void> {
    const diff = await sql<{ side: string; row: string }>`
      (select 'stored outcome' as side, x::text as row from (
        select * from patient_outcome_summary except all select * from patient_outcome_summary_fresh) x)
      union all
      (select 'fresh outcome', x::text from (
        select * from patient_outcome_summary_fresh except all select * from patient_outcome_summary) x)
      union all
      (select 'stored score', x::text from (
        select * from patient_score_summary except all select * from patient_score_summary_fresh) x)
      union all
      (select 'fresh score', x::text from (
        select * from patient_score_summary_fresh except all select * from patient_score_summary) x)`.execute(
      db,
    );
    expect(diff.rows).toEqual([]);
  }

  /** The report source answers what aggregating the source rows answers, for every window and filter. */
  async function expectReportAsReference(opts: { many?: boolean } = {}): Promise<void> {
    // With many patients the reference query (per-patient lateral joins) is slow on PGlite: the widest
    // and the narrowest windows, unfiltered, are enough there; the small cohorts run the whole matrix.
    const someWindows = opts.many ? [windows[0], windows[4]].flatMap((w) => (w ? [w] : [])) : windows;
    for (const instrument of ['phq9', 'gad7']) {
      for (const [from, to] of someWindows) {
        for (const filter of opts.many ? filters.slice(0, 1) : filters) {
          // The rule picks among a patient's own scores, whatever filtered the patients: "latest" once.
          for (const followUpRule of filter === filters[0]
            ? (['end_of_series', 'latest'] as const)
            : (['end_of_series'] as const)) {
            const q: SourceQuery = {
              instrument,
              from,
              to,
              ...filter,
              followUpRule,
              defaultWindow: defaultOutcomeWindow,
            };
            const [got, want] = await asApp(async (tx) => [
              await outcomeSource(tx, q),
              await referenceSource(tx, q),
            ]);
            expect(got, JSON.stringify(q)).toEqual(want);
          }
        }
      }
    }
  }

  async function expectConsistent(opts: { many?: boolean } = {}): Promise<void> {
    await expectSummariesFresh();
    await expectReportAsReference(opts);
  }

  const summaryOf = (mrn: string) =>
    db
      .selectFrom('patient_outcome_summary')
      .select([
        sql<string>`to_char(first_day, 'YYYY-MM-DD')`.as('first_day'),
        'plan_protocol_id',
        'plan_status',
        'planned_induction',
        sql<number>`cardinality(done_day)`.as('done'),
      ])
      .where('patient_id', '=', ids[mrn] ?? '')
      .executeTakeFirst();

  beforeAll(async () => {
    t = await startClinic(backend);
    db = t.database.db;
    staffId = await insertStaff(db, {
      clinicId: t.clinicId,
      email: `summary.${t.clinicId.slice(0, 8)}@test.clinic`,
      name: 'Summary',
      role: 'physician',
      passwordHash: 'x',
    });
    // America/Chicago: 15:00Z is 09:00 (CST) before 8 March 2026 and 10:00 (CDT) after.
    const series = ['02', '04', '06', '09', '11', '13'].map((d) => `2026-03-${d}T15:00:00Z`);

    // A, through the app role: a plan, a series and a booster, PHQ-9 and GAD-7 before and after, two
    // scores at one instant, and a score late on the first infusion's clinic day (04:30Z on 3 March is
    // 22:30 on 2 March in Chicago), after that day's dose: neither baseline nor follow-up (issue 10).
    const a = await patient('A');
    await asApp(async (tx) => {
      await plan(tx, a);
      for (const s of [...series, '2026-04-12T15:00:00Z']) {
        await infusion(tx, a, s);
      }
      await response(tx, a, '2026-02-20T15:00:00Z', 22);
      await response(tx, a, '2026-03-03T04:30:00Z', 20);
      await response(tx, a, '2026-03-20T15:00:00Z', 8);
      await response(tx, a, '2026-03-20T15:00:00Z', 9);
      await response(tx, a, '2026-04-20T15:00:00Z', 5);
      await response(tx, a, '2026-03-01T15:00:00Z', 12, { instrument: 'gad7' });
      await response(tx, a, '2026-03-25T15:00:00Z', 6, { instrument: 'gad7' });
    });

    // B: a cancelled infusion before the series, one still infusing, one discharged without an end
    // time, and an incomplete response.
    const b = await patient('B');
    await plan(db, b);
    await infusion(db, b, '2026-03-01T15:00:00Z', { stage: 'cancelled' });
    await infusion(db, b, '2026-03-03T15:00:00Z');
    await infusion(db, b, '2026-03-05T15:00:00Z', { endedAt: null });
    await infusion(db, b, '2026-03-07T15:00:00Z', { stage: 'infusing', endedAt: null });
    await response(db, b, '2026-03-02T15:00:00Z', 16);
    ids.Bdraft = await response(db, b, '2026-03-10T15:00:00Z', null, { complete: false });

    // C: no plan (the series is what was received), three sessions around midnight in Chicago.
    const c = await patient('C');
    for (const s of ['2026-03-02T05:30:00Z', '2026-03-04T05:30:00Z', '2026-03-09T04:30:00Z']) {
      await infusion(db, c, s, { endedAt: s.replace('T0', 'T1') });
    }
    await response(db, c, '2026-03-02T05:00:00Z', 18);
    await response(db, c, '2026-03-04T15:00:00Z', 10);

    // D: a plan and scores, never infused: in no report.
    const d = await patient('D');
    await plan(db, d);
    await response(db, d, '2026-03-02T15:00:00Z', 17);

    // E: a PTSD plan, two sessions (a drop-out), GAD-7 only.
    const e = await patient('E');
    await asApp(async (tx) => {
      await plan(tx, e, ivPtsd);
      await infusion(tx, e, series[0] ?? '');
      await infusion(tx, e, series[1] ?? '');
      await response(tx, e, '2026-02-27T15:00:00Z', 14, { instrument: 'gad7' });
      await response(tx, e, '2026-03-15T15:00:00Z', 13, { instrument: 'gad7' });
    });

    // F: a protocol whose outcome window is 14 to 30 days after the last induction session; a PHQ-9
    // before the dose on the first day (the baseline) and one after it (neither).
    const f = await patient('F');
    await plan(db, f, {
      ...ivDepression,
      induction: { ...ivDepression.induction, sessions: 3 },
      outcome: { followUpWindow: { fromDay: 14, toDay: 30 } },
    });
    for (const s of series.slice(0, 3)) {
      await infusion(db, f, s ?? '');
    }
    await response(db, f, '2026-03-02T14:00:00Z', 19);
    await response(db, f, '2026-03-02T18:00:00Z', 7);
    await response(db, f, '2026-03-09T15:00:00Z', 11); // the day of the last induction session
    await response(db, f, '2026-03-20T15:00:00Z', 9); // 14 days after it
    await response(db, f, '2026-04-20T15:00:00Z', 4);
  });
  afterAll(async () => {
    await t.close();
  });

  it('takes the baseline before the first dose, and keeps the plan’s outcome window (issue 10)', async () => {
    const baseline = (mrn: string) =>
      db
        .selectFrom('patient_score_summary')
        .select([sql<string>`to_char(baseline_day, 'YYYY-MM-DD')`.as('day'), 'baseline_score'])
        .where('patient_id', '=', ids[mrn] ?? '')
        .where('instrument', '=', 'phq9')
        .executeTakeFirst();
    // A: 20 was answered at 22:30 on the first infusion's day, after its 09:00 dose: 22 of 20 February is.
    expect(await baseline('A')).toEqual({ day: '2026-02-20', baseline_score: 22 });
    // F: 19 before the dose, not 7 after it on the same day.
    expect(await baseline('F')).toEqual({ day: '2026-03-02', baseline_score: 19 });
    const window = await db
      .selectFrom('patient_outcome_summary')
      .select(['outcome_from_day', 'outcome_to_day'])
      .where('patient_id', 'in', [ids.F ?? '', ids.A ?? ''])
      .orderBy('outcome_from_day')
      .execute();
    expect(window).toEqual([
      { outcome_from_day: 14, outcome_to_day: 30 },
      { outcome_from_day: null, outcome_to_day: null },
    ]);
    const q = (followUpRule: FollowUpRule): SourceQuery => ({
      instrument: 'phq9',
      from: '2026-01-01',
      to: '2026-12-31',
      followUpRule,
      defaultWindow: defaultOutcomeWindow,
    });
    const picked = async (followUpRule: FollowUpRule) =>
      (await asApp((tx) => outcomeSource(tx, q(followUpRule)))).find((r) => r.patient_id === ids.F);
    // Its own window: 9 of 20 March, not 11 of the last session's day (the default window's pick).
    expect(await picked('end_of_series')).toMatchObject({ follow_up_day: '2026-03-20', follow_up_score: 9 });
    expect(await picked('latest')).toMatchObject({ follow_up_day: '2026-04-20', follow_up_score: 4 });
  });

  it('backfills and keeps one summary per infused patient after inserts', async () => {
    expect(await db.selectFrom('patient_outcome_summary').select('patient_id').execute()).toHaveLength(5);
    expect(await summaryOf('D')).toBeUndefined();
    expect(await summaryOf('A')).toEqual({
      first_day: '2026-03-02',
      plan_protocol_id: 'iv-depression',
      plan_status: 'active',
      planned_induction: 6,
      done: 7,
    });
    // B: the cancelled infusion is not the first; the one still infusing is, in the count, not done.
    expect(await summaryOf('B')).toMatchObject({ first_day: '2026-03-03', done: 2 });
    await expectConsistent();
  });

  it('follows an infusion cancelled, a response completed later and authored_at moved', async () => {
    await asApp(async (tx) => {
      // A's first infusion cancelled: the first day moves to 4 March and the late score of 2 March with it.
      await tx
        .updateTable('infusions')
        .set({ stage: 'cancelled' })
        .where('patient_id', '=', ids.A ?? '')
        .where('started_at', '=', new Date('2026-03-02T15:00:00Z'))
        .execute();
      await tx
        .updateTable('questionnaire_responses')
        .set({ complete: true, total: 11 })
        .where('id', '=', ids.Bdraft ?? '')
        .execute();
      // C's follow-up moved back before the first infusion: it becomes the baseline.
      await tx
        .updateTable('questionnaire_responses')
        .set({ authored_at: '2026-03-01T15:00:00Z' })
        .where('patient_id', '=', ids.C ?? '')
        .where('total', '=', 10)
        .execute();
    });
    expect(await summaryOf('A')).toMatchObject({ first_day: '2026-03-04', done: 6 });
    await expectConsistent();
  });

  it('takes the replacement plan, written in the same transaction that stops the old one', async () => {
    await asApp(async (tx) => {
      await closeActivePlans(tx, ids.A ?? '');
      await insertPlan(tx, {
        clinicId: t.clinicId,
        patientId: ids.A ?? '',
        protocolId: 'iv-ptsd',
        protocol: { ...ivPtsd, induction: { ...ivPtsd.induction, sessions: 4 } },
        startedOn: '2026-03-04',
        by: staffId,
      });
    });
    expect(await summaryOf('A')).toMatchObject({
      plan_protocol_id: 'iv-ptsd',
      plan_status: 'active',
      planned_induction: 4,
    });
    await expectConsistent();
  });

  it('follows deletes, down to a patient with no infusion left', async () => {
    // The app role deletes no clinical rows; an administrator's script may.
    await db
      .deleteFrom('questionnaire_responses')
      .where('patient_id', '=', ids.E ?? '')
      .execute();
    await db
      .deleteFrom('infusions')
      .where('id', '=', (await firstInfusionOf('B')) ?? '')
      .execute();
    await expectConsistent();
    await db
      .deleteFrom('infusions')
      .where('patient_id', '=', ids.C ?? '')
      .execute();
    expect(await summaryOf('C')).toBeUndefined();
    expect(
      await db
        .selectFrom('patient_score_summary')
        .select('instrument')
        .where('patient_id', '=', ids.C ?? '')
        .execute(),
    ).toEqual([]);
    await expectConsistent();
  });

  it('moves the stored days when the clinic changes time zone', async () => {
    await db.updateTable('clinics').set({ time_zone: 'Asia/Tokyo' }).where('id', '=', t.clinicId).execute();
    await expectConsistent();
    await db
      .updateTable('clinics')
      .set({ time_zone: 'America/Chicago' })
      .where('id', '=', t.clinicId)
      .execute();
    await expectConsistent();
  });

  it('refreshes many patients at once: one statement, and every size of refresh', async () => {
    // Write one more patient per statement than the per-patient locks take, in one statement each.
    const more = await db
      .insertInto('patients')
      .values(
        Array.from({ length: 120 }, (_, i) => ({
          clinic_id: t.clinicId,
          mrn: `M${i}`,
          given_name: 'Many',
          family_name: `M${i}`,
          birth_date: '1980-01-01',
          sex: 'female',
          indication_code: 'F33.2',
          allergies: '[]',
          conditions: '{}',
        })),
      )
      .returning('id')
      .execute();
    await db
      .insertInto('infusions')
      .values(
        more.map((p, i) => ({
          clinic_id: t.clinicId,
          patient_id: p.id,
          stage: 'discharged',
          started_at: new Date(`2026-03-0${(i % 9) + 1}T15:00:00Z`),
          ended_at: new Date(`2026-03-0${(i % 9) + 1}T16:00:00Z`),
          protocol: '{}',
        })),
      )
      .execute();
    await db
      .insertInto('questionnaire_responses')
      .values(
        more.flatMap((p, i) =>
          ['2026-02-28T15:00:00Z', '2026-03-12T15:00:00Z'].map((at, k) => ({
            clinic_id: t.clinicId,
            patient_id: p.id,
            instrument: 'phq9',
            answers: '{}',
            total: (i + k * 7) % 27,
            band: 'x',
            complete: true,
            imputed: false,
            safety_alert: false,
            authored_at: at,
            source: 'staff',
          })),
        ),
      )
      .execute();
    await expectSummariesFresh();
    await db
      .updateTable('questionnaire_responses')
      .set({ total: sql`total + 1` })
      .where('instrument', '=', 'phq9')
      .execute();
    await expectConsistent({ many: true });
    // The three ways a refresh runs (per-patient locks; = any; one pass), each with unknown ids too.
    for (const extra of [0, 200, 10_001]) {
      await sql`select refresh_outcome_summary(array_cat(
          array(select gen_random_uuid() from generate_series(1, ${extra}::int)),
          array(select id from patients)))`.execute(db);
      await expectSummariesFresh();
    }
    await sql`select refresh_outcome_summary()`.execute(db);
    await expectConsistent({ many: true });
  });

  it('is written only by the triggers and read only inside the clinic', async () => {
    await expect(asApp((tx) => sql`delete from patient_outcome_summary`.execute(tx))).rejects.toThrow(
      /permission denied/,
    );
    await expect(asApp((tx) => sql`select refresh_outcome_summary()`.execute(tx))).rejects.toThrow(
      /permission denied/,
    );
    const mine = await asApp((tx) => tx.selectFrom('patient_score_summary').select('patient_id').execute());
    expect(mine.length).toBeGreaterThan(0);
    const other = await insertClinic(db, { name: 'Other', timeZone: 'UTC', isDemo: false });
    const seen = await inClinic(db, other, (tx) =>
      sql<{ n: number }>`select (select count(*) from patient_outcome_summary)
        + (select count(*) from patient_score_summary) as n`.execute(tx),
    );
    expect(Number(seen.rows[0]?.n)).toBe(0);
  });

  it.runIf(backend === 'postgres')(
    'keeps both writes when two transactions write one patient at once',
    async () => {
      const clients = [0, 1].map(() => new pg.Client({ connectionString: t.databaseUrl }));
      try {
        for (const c of clients) {
          await c.connect();
          await c.query('begin');
          await c.query(
            `select set_config('openkap.clinic_id', $1, true), set_config('role', 'openkap_app', true)`,
            [t.clinicId],
          );
        }
        const [one, two] = clients as [pg.Client, pg.Client];
        const write = (c: pg.Client, at: string, total: number) =>
          c.query(
            `insert into questionnaire_responses
               (clinic_id, patient_id, instrument, answers, total, band, complete, authored_at, source)
             values ($1, $2, 'phq9', '{}', $3, 'x', true, $4, 'staff')`,
            [t.clinicId, ids.A, total, at],
          );
        await write(one, '2026-05-01T15:00:00Z', 3);
        // Waits for the first transaction's refresh of A to commit, then refreshes from both writes.
        const second = write(two, '2026-05-02T15:00:00Z', 2);
        await new Promise((resolve) => setTimeout(resolve, 200));
        await one.query('commit');
        await second;
        await two.query('commit');
      } finally {
        await Promise.all(clients.map((c) => c.end()));
      }
      await expectConsistent();
      const a = await db
        .selectFrom('patient_score_summary')
        .select(sql<number>`cardinality(follow_score)`.as('n'))
        .where('patient_id', '=', ids.A ?? '')
        .where('instrument', '=', 'phq9')
        .executeTakeFirstOrThrow();
      expect(a.n).toBe(5);
    },
  );

  it('follows a truncate', async () => {
    await sql`truncate questionnaire_responses cascade`.execute(db);
    expect(await db.selectFrom('patient_score_summary').select('patient_id').execute()).toEqual([]);
    await expectConsistent();
  });

  async function firstInfusionOf(mrn: string): Promise<string | undefined> {
    const row = await db
      .selectFrom('infusions')
      .select('id')
      .where('patient_id', '=', ids[mrn] ?? '')
      .where('stage', '<>', 'cancelled')
      .orderBy('started_at')
      .executeTakeFirst();
    return row?.id;
  }
});
