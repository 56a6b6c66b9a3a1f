import { infusedSoFar, infusionEventsFromChart, type InfusionEvent } from '@openkap/domain/dosing/infused';
import type { DoseOrder } from '@openkap/domain/dosing/dose-order';
import type { DosingWeight } from '@openkap/domain/dosing/dosing-weight';
import { sideEffects as sideEffectCatalog, interventions as interventionCatalog } from '@openkap/domain';
import type { Tx } from '../db/clinic-scope.ts';
import { notFound } from '../http/errors.ts';
import { requirePatient } from '../patients/service.ts';
import { ageYears } from '../patients/chart.ts';
import { flagsWithAcknowledgements } from '../patients/screening.ts';
import * as store from './store.ts';
import { alertRulesOf, protocolOf, thresholdSummary } from './protocol.ts';
import { prechecksOf, type PrecheckView } from './prechecks.ts';
import { seriesLabel } from './series.ts';
import { dosingWeightPreview, dosingWeightRuleOf, weightAgeDays, weightFacts } from './dosing-weight.ts';
import { keepsLedger } from '../ledger/infusion-link.ts';
import { staffNames } from '../clinics/staff-store.ts';
import * as sessionStore from './session-store.ts';
import { sessionFacts } from './session-facts.ts';

export interface VitalsRow {
  at: string;
  hr: number | null;
  sbp: number | null;
  dbp: number | null;
  spo2: number | null;
  rr: number | null;
  tempC: number | null;
}

const iso = (d: Date | string | null): string | null => (d == null ? null : new Date(d).toISOString());

/** Groups one-row-per-observation into rows of readings taken at the same moment, for the chart. */
export function vitalsTable(rows: Awaited<ReturnType<typeof store.listVitals>>): VitalsRow[] {
  const byTime = new Map<number, VitalsRow>();
  for (const r of rows) {
    const t = new Date(r.effective_at).getTime();
    let row = byTime.get(t);
    if (!row) {
      row = {
        at: new Date(t).toISOString(),
        hr: null,
        sbp: null,
        dbp: null,
        spo2: null,
        rr: null,
        tempC: null,
      };
      byTime.set(t, row);
    }
    const v = Number(r.value);
    if (r.kind === 'hr') {
      row.hr = v;
    } else if (r.kind === 'bp') {
      row.sbp = v;
      row.dbp = r.diastolic == null ? null : Number(r.diastolic);
    } else if (r.kind === 'spo2') {
      row.spo2 = v;
    } else if (r.kind === 'rr') {
      row.rr = v;
    } else {
      row.tempC = v;
    }
  }
  return [...byTime.values()].sort((a, b) => a.at.localeCompare(b.at));
}

/** Stored pump events → the domain's events for `infusedSoFar`. */
export function pumpEventsForDomain(rows: Awaited<ReturnType<typeof store.listPumpEvents>>): InfusionEvent[] {
  return infusionEventsFromChart(
    rows.map((e) => ({
      kind: e.kind,
      at: new Date(e.at).getTime(),
      rateMlPerH: e.rate_ml_per_h == null ? null : Number(e.rate_ml_per_h),
    })),
  );
}

export async function loadInfusion(tx: Tx, id: string, now: Date) {
  const row = await store.findInfusion(tx, id);
  if (!row) {
    throw notFound('infusion');
  }
  const patient = await requirePatient(tx, row.patient_id);
  const [
    body,
    pump,
    vitals,
    alerts,
    deviceAlarms,
    sideEffects,
    interventions,
    flags,
    sessions,
    administrations,
    recoveryScores,
    ledgerKept,
    names,
  ] = await Promise.all([
    // The weight as of the session's start once it has started (a closed session keeps its pre-check).
    weightFacts(tx, patient, row.started_at ?? now),
    store.listPumpEvents(tx, id),
    store.listVitals(tx, id),
    store.listAlerts(tx, id),
    store.listDeviceAlarms(tx, id),
    store.listSideEffects(tx, id),
    store.listInterventions(tx, id),
    flagsWithAcknowledgements(tx, patient, now),
    store.listForPatient(tx, row.patient_id),
    sessionStore.listAdministrations(tx, id),
    sessionStore.listRecoveryScores(tx, id),
    keepsLedger(tx),
    staffNames(tx, row.administered_by ? [row.administered_by] : []),
  ]);
  const protocol = protocolOf(row);
  // Orders made before issue 10 carry no dosingWeight.
  const order = row.dose_order as unknown as
    (DoseOrder & { weightOn?: string | null; orderedBy?: string; dosingWeight?: DosingWeight }) | null;
  const events = pumpEventsForDomain(pump);
  const infused =
    order && order.rateMlPerHour != null
      ? infusedSoFar({
          events,
          order: { doseMg: order.doseMg, totalVolumeMl: order.totalVolumeMl },
          at: row.ended_at ? new Date(row.ended_at).getTime() : now.getTime(),
        })
      : null;
  const table = vitalsTable(vitals);
  const prechecks: PrecheckView = prechecksOf(
    row,
    table,
    flags,
    sessions,
    {
      onFile: Boolean(patient.address?.trim()),
      required: ledgerKept,
    },
    {
      ageDays: weightAgeDays(body),
      maxAgeDays: dosingWeightRuleOf(protocol).maxAgeDays,
    },
  );
  const facts = sessionFacts(row, protocol, table, administrations, recoveryScores, now);
  return {
    id: row.id,
    patient: {
      id: patient.id,
      name: `${patient.given_name} ${patient.family_name}`,
      mrn: patient.mrn,
      ageYears: ageYears(patient.birth_date, now),
      allergies: patient.allergies,
      weightKg: body.weight?.kg ?? null,
      weightOn: body.weight?.measuredOn ?? null,
      heightCm: body.height?.cm ?? null,
      heightOn: body.height?.measuredOn ?? null,
      sex: patient.sex,
      openFlags: flags
        .filter((f) => !f.acknowledged)
        .map((f) => ({ code: f.code, title: f.title, severity: f.severity })),
    },
    stage: row.stage,
    stageSince: new Date(row.stage_since).toISOString(),
    ...seriesLabel(sessions, row.id, protocol),
    protocol,
    prechecks,
    /** The weight an order would use now (basis, kg, BMI), or why none can be ordered yet. */
    dosingWeight: dosingWeightPreview(protocol, body),
    doseOrder: order,
    pump: pump.map((e) => ({
      kind: e.kind,
      at: new Date(e.at).toISOString(),
      rateMlPerH: e.rate_ml_per_h == null ? null : Number(e.rate_ml_per_h),
      note: e.note,
    })),
    infused: facts.manualGiven
      ? facts.manualGiven
      : infused
        ? {
            ml: infused.infusedMl,
            mg: infused.infusedMg,
            fraction: infused.fraction,
            state: infused.state,
            estimatedEndAt: infused.estimatedEndAt ? new Date(infused.estimatedEndAt).toISOString() : null,
          }
        : { ml: 0, mg: 0, fraction: 0, state: 'not_started', estimatedEndAt: null },
    vitals: table,
    administrations: facts.administrations,
    administeredBy: row.administered_by
      ? { id: row.administered_by, name: names.get(row.administered_by) ?? 'Unknown' }
      : null,
    safety: facts.safety,
    bpHold: facts.bpHold,
    vitalsDue: facts.vitalsDue,
    recoveryScores: facts.recoveryScores,
    thresholds: thresholdSummary(alertRulesOf(protocol)),
    alerts: alerts.map((a) => ({
      id: a.id,
      code: a.code,
      vital: a.vital,
      message: a.message,
      value: Number(a.value),
      limit: Number(a.limit_value),
      since: new Date(a.since).toISOString(),
      clearedAt: iso(a.cleared_at),
      acknowledgedAt: iso(a.acknowledged_at),
      acknowledgedBy: a.acknowledged_by,
      note: a.note,
    })),
    deviceAlarms: deviceAlarms.map((d) => ({
      id: d.id,
      text: d.text,
      priority: d.priority,
      alertType: d.alert_type,
      source: d.source,
      phase: d.phase,
      firstAt: new Date(d.first_at).toISOString(),
      lastAt: new Date(d.last_at).toISOString(),
      endedAt: iso(d.ended_at),
      acknowledgedAt: iso(d.acknowledged_at),
      acknowledgedBy: d.acknowledged_by,
      note: d.note,
    })),
    sideEffects: sideEffects.map((s) => ({
      id: s.id,
      code: s.code,
      label: sideEffectCatalog.find((c) => c.id === s.code)?.label ?? s.code,
      severity: s.severity,
      at: new Date(s.at).toISOString(),
      note: s.note,
    })),
    interventions: interventions.map((s) => ({
      id: s.id,
      code: s.code,
      label: interventionCatalog.find((c) => c.id === s.code)?.label ?? s.code,
      doseText: s.dose_text,
      at: new Date(s.at).toISOString(),
      note: s.note,
    })),
    discharge: row.discharge,
    startedAt: iso(row.started_at),
    endedAt: iso(row.ended_at),
    totalDoseMg: row.total_dose_mg == null ? null : Number(row.total_dose_mg),
  };
}
export type InfusionView = Awaited<ReturnType<typeof loadInfusion>>;
