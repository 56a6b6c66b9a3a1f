import type { Kysely } from 'kysely';
import { getOutcomeCriteria } from '@openkap/domain/outcomes/criteria';
import {
  outcomeReport,
  type OutcomeReport,
  type OutcomeReportPatient,
} from '@openkap/domain/outcomes/report';
import type { OutcomeReportQuery } from '@openkap/domain/outcomes/schema';
import { isoDateToDay } from '@openkap/domain/plans/dates';
import type { DB } from '../db/types.ts';
import { inClinic } from '../db/clinic-scope.ts';
import type { Caller } from '../auth/caller.ts';
import { requirePermission } from '../auth/permissions.ts';
import { audit } from '../audit/store.ts';
import * as store from './store.ts';

/**
 * A series counts as still going (not a drop-out) while its last session is at most this many days
 * before the report's end date: a clinic rule of thumb [U], about twice the longest gap a 6-in-3-weeks
 * induction allows.
 */
export const ONGOING_WITHIN_DAYS = 14;

export interface OutcomeReportResult {
  report: OutcomeReport;
  /** MRN per patient id, for the per-patient CSV. */
  mrns: Map<string, string>;
}

export async function clinicOutcomes(
  db: Kysely<DB>,
  caller: Caller,
  q: OutcomeReportQuery,
): Promise<OutcomeReportResult> {
  requirePermission(caller, 'reports.view');
  const criteria = getOutcomeCriteria(q.instrument);
  return inClinic(db, caller.clinicId, async (tx) => {
    const rows = await store.outcomeSource(tx, {
      instrument: q.instrument,
      from: q.from,
      to: q.to,
      indication: q.indication,
      protocolId: q.protocol,
    });
    // MRNs only for the per-patient export; the totals never read them.
    const mrns =
      q.format === 'csv'
        ? await store.mrnsOf(
            tx,
            rows.map((r) => r.patient_id),
          )
        : new Map<string, string>();
    const report = outcomeReport({ criteria, endDate: q.to, patients: rows.map((r) => patientOf(r, q.to)) });
    await audit(tx, caller, {
      action: 'report',
      entity: 'outcome_report',
      detail: { ...q, patients: rows.length },
    });
    return { report, mrns };
  });
}

function patientOf(r: store.OutcomeSourceRow, to: string): OutcomeReportPatient {
  // A first infusion on record means at least one was received, even if it has not ended yet.
  const received = Math.max(1, r.sessions_done);
  // No plan on record: the series is what the patient received.
  const planned = r.planned_induction ?? received;
  const complete = r.sessions_done >= planned;
  const lastDay = r.last_contact_day ?? r.first_day;
  return {
    patientId: r.patient_id,
    scores: [
      ...(r.baseline_day && r.baseline_score != null
        ? [{ date: r.baseline_day, score: r.baseline_score }]
        : []),
      ...(r.follow_up_day && r.follow_up_score != null
        ? [{ date: r.follow_up_day, score: r.follow_up_score }]
        : []),
    ],
    firstInfusionDate: r.first_day,
    inductionInfusions: received,
    plannedInductionInfusions: planned,
    inductionOngoing: !complete && isoDateToDay(to) - isoDateToDay(lastDay) <= ONGOING_WITHIN_DAYS,
    seriesEndDate: complete ? r.series_end_day : null,
    firstBoosterDate: complete ? r.first_booster_day : null,
    // Relapse is not recorded as its own event yet: the first booster is the event.
    relapseDate: null,
    // Still in care (active plan): followed up to the end date. Otherwise censored at the last session.
    lastContactDate: r.in_care ? null : r.last_contact_day,
  };
}
