import type { Kysely } from 'kysely';
import { getOutcomeCriteria } from '@openkap/domain/outcomes/criteria';
import {
  outcomeReport,
  type OutcomeReport,
  type OutcomeReportPatient,
} from '@openkap/domain/outcomes/report';
import type { OutcomeReportQuery } from '@openkap/domain/outcomes/schema';
import { defaultOutcomeWindow } from '@openkap/domain/plans/outcome-window';
import { isoDateToDay } from '@openkap/domain/plans/dates';
import type { DB } from '../db/types.ts';
import { inClinic, type Tx } from '../db/clinic-scope.ts';
import type { Caller } from '../auth/caller.ts';
import { requirePermission } from '../auth/permissions.ts';
import { audit } from '../audit/store.ts';
import { clinicProtocols } from '../protocols/service.ts';
import * as store from './store.ts';
import { groupMembers, outcomePatientView, type OutcomeGroup, type OutcomePatientView } from './view.ts';

/**
 * A series counts as still going (not a drop-out) while its last session is at most this many days
 * before the report's end date: a clinic rule of thumb [U], about twice the longest gap a 6-in-3-weeks
 * induction allows.
 */
export const ONGOING_WITHIN_DAYS = 14;

/** The filters every rendering of the report shares (the query without its format). */
export type OutcomeFilters = Pick<
  OutcomeReportQuery,
  'instrument' | 'from' | 'to' | 'indication' | 'protocol' | 'followUp'
>;

export interface OutcomeReportResult {
  report: OutcomeReport;
  /** MRN per patient id, for the per-patient CSV. */
  mrns: Map<string, string>;
}

/**
 * Reads the report in one clinic transaction, lets `more` read what one rendering needs beside it,
 * and audits the run with what `more` adds to the detail.
 */
async function withReport<T>(
  db: Kysely<DB>,
  caller: Caller,
  q: OutcomeFilters & { format: string },
  more: (tx: Tx, report: OutcomeReport) => Promise<{ value: T; audit?: Record<string, unknown> }>,
): Promise<T> {
  requirePermission(caller, 'reports.view');
  const criteria = getOutcomeCriteria(q.instrument);
  return inClinic(db, caller.clinicId, async (tx) => {
    const rows = await store.outcomeSource(tx, {
      instrument: q.instrument,
      from: q.from,
      to: q.to,
      indication: q.indication,
      protocolId: q.protocol,
      followUpRule: q.followUp,
      defaultWindow: defaultOutcomeWindow,
    });
    const report = outcomeReport({
      criteria,
      endDate: q.to,
      followUpRule: q.followUp,
      defaultWindow: defaultOutcomeWindow,
      patients: rows.map((r) => patientOf(r, q.to)),
    });
    const { value, audit: extra } = await more(tx, report);
    await audit(tx, caller, {
      action: 'report',
      entity: 'outcome_report',
      detail: { ...q, patients: rows.length, ...extra },
    });
    return value;
  });
}

export async function clinicOutcomes(
  db: Kysely<DB>,
  caller: Caller,
  q: OutcomeFilters & { format: 'json' | 'csv' },
): Promise<OutcomeReportResult> {
  return withReport(db, caller, q, async (tx, report) => ({
    value: {
      report,
      // MRNs only for the per-patient export; the totals never read them.
      mrns:
        q.format === 'csv'
          ? await store.mrnsOf(
              tx,
              report.perPatient.map((p) => p.patientId),
            )
          : new Map<string, string>(),
    },
  }));
}

/** What the PDF prints beside the totals: no patient is named in it. */
export interface OutcomeReportPdfData {
  report: OutcomeReport;
  filters: OutcomeFilters;
  clinic: { name: string; timeZone: string };
  /** The protocol filter's title, as the clinic has it (null: every protocol). */
  protocolTitle: string | null;
  generatedAt: Date;
}

export async function clinicOutcomesForPdf(
  db: Kysely<DB>,
  caller: Caller,
  q: OutcomeFilters,
  now: Date,
): Promise<OutcomeReportPdfData> {
  const filters = pickFilters(q);
  return withReport(db, caller, { ...filters, format: 'pdf' }, async (tx, report) => {
    const [clinic, protocols] = await Promise.all([
      store.clinicHead(tx),
      q.protocol ? clinicProtocols(tx) : Promise.resolve([]),
    ]);
    const protocolTitle = q.protocol
      ? (protocols.find((p) => p.id === q.protocol)?.title ?? q.protocol)
      : null;
    return { value: { report, filters, clinic, protocolTitle, generatedAt: now } };
  });
}

export interface OutcomePatientsPage {
  report: OutcomeReport;
  /** Patients in the group: the report's own figure for it. */
  total: number;
  patients: OutcomePatientView[];
}

/**
 * One page of the patients behind a headline figure, with names and MRNs. The audit row lists the ids
 * of the patients shown, so "who saw this patient's outcome" is answerable from the audit trail.
 */
export async function outcomePatients(
  db: Kysely<DB>,
  caller: Caller,
  q: OutcomeFilters & { group: OutcomeGroup; offset: number; limit: number },
): Promise<OutcomePatientsPage> {
  const filters = pickFilters(q);
  return withReport(db, caller, { ...filters, format: 'patients' }, async (tx, report) => {
    const group = groupMembers(report, q.group);
    const byId = new Map(group.map((p) => [p.patientId, p]));
    const labels = await store.patientPage(tx, [...byId.keys()], q);
    const patients = labels.flatMap((who) => {
      const row = byId.get(who.id);
      return row ? [outcomePatientView(report, row, who)] : [];
    });
    return {
      value: { report, total: group.length, patients },
      audit: { group: q.group, offset: q.offset, shown: labels.map((l) => l.id) },
    };
  });
}

/** Only the filters: the audit row and the PDF must not pick up whatever else the query held. */
function pickFilters(q: OutcomeFilters): OutcomeFilters {
  return {
    instrument: q.instrument,
    from: q.from,
    to: q.to,
    followUp: q.followUp,
    ...(q.indication ? { indication: q.indication } : {}),
    ...(q.protocol ? { protocol: q.protocol } : {}),
  };
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
    // The event of the time to booster or relapse is whichever of the two comes first (domain report.ts).
    relapseDate: complete ? r.first_relapse_day : null,
    // Still in care (active plan): followed up to the end date. Otherwise censored at the last session.
    lastContactDate: r.in_care ? null : r.last_contact_day,
    // No firstDoseAt: the store's baseline is already the last score before the first dose, and its
    // same-day time is not carried here. The window is the protocol's, else the report's default.
    outcomeWindow:
      r.outcome_from_day != null && r.outcome_to_day != null
        ? { fromDay: r.outcome_from_day, toDay: r.outcome_to_day }
        : null,
  };
}
