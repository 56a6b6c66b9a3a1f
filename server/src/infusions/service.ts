import { computeDoseOrder } from '@openkap/domain/dosing/dose-order';
import { infusedSoFar } from '@openkap/domain/dosing/infused';
import {
  dischargeReadiness,
  interventions,
  scoreModifiedAldrete,
  scorePadss,
  sideEffects,
  type AldreteItemId,
  type PadssItemId,
  type SessionEvent,
} from '@openkap/domain';
import type {
  DischargeInput,
  DoseOrderInput,
  PrecheckInput,
  PumpEventInput,
  SideEffectInput,
  InterventionInput,
} from '@openkap/domain/infusions/schema';
import { inClinic } from '../db/clinic-scope.ts';
import type { Caller } from '../auth/caller.ts';
import { requirePermission } from '../auth/permissions.ts';
import { audit } from '../audit/store.ts';
import { badRequest, conflict, notFound, refused } from '../http/errors.ts';
import { requirePatient } from '../patients/service.ts';
import * as planStore from '../protocols/store.ts';
import { recordAdministered, requireReconciled } from '../ledger/infusion-link.ts';
import * as sessionStore from './session-store.ts';
import { assertReadyToStart, resolveAdministrator } from './start-checks.ts';
import * as store from './store.ts';
import { loadInfusion, pumpEventsForDomain, type InfusionView } from './view.ts';
import { protocolOf } from './protocol.ts';
import { advance, assertOpen, change, type InfusionDeps } from './change.ts';
import { requireDosingWeight, weightFacts } from './dosing-weight.ts';

export { assertOpen, type InfusionDeps } from './change.ts';

export async function scheduleInfusion(
  deps: InfusionDeps,
  caller: Caller,
  input: { patientId: string; chairId?: string | undefined; scheduledAt?: string | undefined },
): Promise<InfusionView> {
  requirePermission(caller, 'infusions.schedule');
  const now = deps.now();
  return inClinic(deps.db, caller.clinicId, async (tx) => {
    await requirePatient(tx, input.patientId);
    const plan = await planStore.activePlan(tx, input.patientId);
    if (!plan) {
      throw conflict(
        'no_plan',
        'This patient has no treatment plan yet: a physician starts one from a protocol first.',
      );
    }
    if (input.chairId) {
      const chairs = await store.listChairs(tx);
      if (!chairs.some((c) => c.id === input.chairId)) {
        throw notFound('chair');
      }
    }
    const id = await store.insertInfusion(tx, {
      clinicId: caller.clinicId,
      patientId: input.patientId,
      planId: plan.id,
      chairId: input.chairId ?? null,
      scheduledAt: input.scheduledAt ? new Date(input.scheduledAt) : now,
      protocol: plan.protocol,
      createdBy: caller.staffId,
    });
    await audit(tx, caller, {
      action: 'create',
      entity: 'infusion',
      entityId: id,
      patientId: input.patientId,
    });
    return loadInfusion(tx, id, now);
  });
}

/** `audit: false` only for the live stream's pushes: the stream's opening read is audited once. */
export async function getInfusion(
  deps: InfusionDeps,
  caller: Caller,
  id: string,
  opts: { audit: boolean } = { audit: true },
): Promise<InfusionView> {
  requirePermission(caller, 'infusions.read');
  return inClinic(deps.db, caller.clinicId, async (tx) => {
    const view = await loadInfusion(tx, id, deps.now());
    if (opts.audit) {
      await audit(tx, caller, {
        action: 'read',
        entity: 'infusion',
        entityId: id,
        patientId: view.patient.id,
      });
    }
    return view;
  });
}

export function recordPrechecks(
  deps: InfusionDeps,
  caller: Caller,
  id: string,
  input: PrecheckInput,
): Promise<InfusionView> {
  return change(deps, caller, id, 'infusions.chart', 'update', async (tx, row) => {
    if (row.stage !== 'precheck') {
      throw conflict('wrong_stage', 'Pre-checks are recorded before the infusion starts.');
    }
    const merged = {
      ...row.prechecks,
      ...Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)),
    };
    await store.updateInfusion(tx, id, { prechecks: merged });
    return { prechecks: Object.keys(input) };
  });
}

export function orderDose(
  deps: InfusionDeps,
  caller: Caller,
  id: string,
  input: DoseOrderInput,
): Promise<InfusionView> {
  return change(deps, caller, id, 'infusions.order', 'order_dose', async (tx, row, now) => {
    if (row.stage !== 'precheck') {
      throw conflict('wrong_stage', 'The dose is ordered before the infusion starts.');
    }
    const protocol = protocolOf(row);
    const patient = await requirePatient(tx, row.patient_id);
    // Which weight, and is it recent enough: no weight, an old weight, or a BMI switch without height
    // or sex is refused here (422) before any dose is computed.
    const weight = requireDosingWeight(protocol, await weightFacts(tx, patient, now));
    // Hard stops (422, nothing written): dose_above_maximum, dose_above_cap, duration_below_minimum,
    // rate_above_maximum.
    const order = computeDoseOrder({
      weightKg: weight.kg,
      mgPerKg: input.mgPerKg,
      route: protocol.route,
      durationMin: input.durationMin ?? protocol.dose.durationMin,
      vialConcentrationMgPerMl:
        input.vialConcentrationMgPerMl ?? protocol.preparation.vialConcentrationMgPerMl,
      diluentVolumeMl: input.diluentVolumeMl ?? protocol.preparation.diluentVolumeMl,
      limits: protocol.dose.limits,
    });
    await store.updateInfusion(tx, id, {
      doseOrder: {
        ...order,
        vialConcentrationMgPerMl:
          input.vialConcentrationMgPerMl ?? protocol.preparation.vialConcentrationMgPerMl,
        weightOn: weight.measuredOn,
        dosingWeight: weight,
        orderedBy: caller.name,
      },
    });
    return {
      mgPerKg: order.mgPerKg,
      doseMg: order.doseMg,
      weightKg: order.weightKg,
      weightBasis: weight.basis,
    };
  });
}

export function pumpEvent(
  deps: InfusionDeps,
  caller: Caller,
  id: string,
  input: PumpEventInput,
): Promise<InfusionView> {
  return change(deps, caller, id, 'infusions.chart', `pump_${input.kind}`, async (tx, row, now) => {
    const protocol = protocolOf(row);
    if (protocol.route !== 'iv') {
      throw conflict(
        'wrong_route',
        `${protocol.route === 'im' ? 'IM injections' : 'Intranasal doses'} have no pump: chart each dose given.`,
      );
    }
    const at = input.at ? new Date(input.at) : now;
    if (at.getTime() > now.getTime() + 60_000) {
      throw badRequest('a pump event cannot be in the future');
    }
    const order = row.dose_order as {
      rateMlPerHour: number | null;
      doseMg: number;
      totalVolumeMl: number;
    } | null;
    let event: SessionEvent | null = null;
    if (input.kind === 'start') {
      await assertReadyToStart(tx, row, now);
      event = { type: 'start', prechecksComplete: true };
    } else if (input.kind === 'rate_change') {
      if (row.stage !== 'infusing') {
        throw conflict('illegal_transition', 'The rate is changed while the pump runs.');
      }
    } else {
      event = { type: input.kind };
    }
    // Stopping the pump moves the patient to recovery: they are observed whatever the reason.
    const stage = event ? advance(row.stage, event) : row.stage;
    const administeredBy =
      input.administeredBy !== undefined || input.kind === 'start'
        ? await resolveAdministrator(tx, caller, input.administeredBy)
        : null;
    const rate =
      input.kind === 'start'
        ? (input.rateMlPerH ?? order?.rateMlPerHour ?? null)
        : (input.rateMlPerH ?? null);
    await store.insertPumpEvent(tx, {
      clinicId: row.clinic_id,
      infusionId: id,
      kind: input.kind,
      at,
      rateMlPerH: rate,
      note: input.note,
      by: caller.staffId,
    });
    const changes: Parameters<typeof store.updateInfusion>[2] = {};
    if (stage !== row.stage) {
      Object.assign(changes, { stage, stageSince: at });
    }
    if (input.kind === 'start' && !row.started_at) {
      changes.startedAt = at;
    }
    if (administeredBy) {
      await sessionStore.setAdministeredBy(tx, id, administeredBy);
    }
    if (input.kind === 'stop' && order) {
      const events = pumpEventsForDomain(await store.listPumpEvents(tx, id));
      const given = infusedSoFar({ events, order, at: at.getTime() });
      changes.endedAt = at;
      changes.totalDoseMg = given.infusedMg;
      const patient = await requirePatient(tx, row.patient_id);
      await recordAdministered(
        tx,
        caller,
        row,
        {
          mg: given.infusedMg,
          at,
          administeredBy: administeredBy ?? row.administered_by ?? caller.staffId,
          patientAddress: patient.address?.trim() || null,
          source: 'pump',
        },
        now,
      );
    }
    await store.updateInfusion(tx, id, changes);
    return { kind: input.kind, rateMlPerH: rate, ...(administeredBy ? { administeredBy } : {}) };
  });
}

export function recordSideEffect(
  deps: InfusionDeps,
  caller: Caller,
  id: string,
  input: SideEffectInput,
): Promise<InfusionView> {
  return change(deps, caller, id, 'infusions.chart', 'record_side_effect', async (tx, row, now) => {
    if (!sideEffects.some((c) => c.id === input.code)) {
      throw badRequest(`unknown side effect "${input.code}"`);
    }
    assertOpen(row.stage);
    await store.insertSideEffect(tx, {
      clinicId: row.clinic_id,
      infusionId: id,
      code: input.code,
      severity: input.severity,
      at: input.at ? new Date(input.at) : now,
      note: input.note,
      by: caller.staffId,
    });
    return { code: input.code, severity: input.severity };
  });
}

export function recordIntervention(
  deps: InfusionDeps,
  caller: Caller,
  id: string,
  input: InterventionInput,
): Promise<InfusionView> {
  return change(deps, caller, id, 'infusions.chart', 'record_intervention', async (tx, row, now) => {
    if (!interventions.some((c) => c.id === input.code)) {
      throw badRequest(`unknown intervention "${input.code}"`);
    }
    assertOpen(row.stage);
    await store.insertIntervention(tx, {
      clinicId: row.clinic_id,
      infusionId: id,
      code: input.code,
      doseText: input.doseText,
      at: input.at ? new Date(input.at) : now,
      note: input.note,
      by: caller.staffId,
    });
    return { code: input.code };
  });
}

export function acknowledgeAlert(
  deps: InfusionDeps,
  caller: Caller,
  id: string,
  alertId: string,
  note: string,
): Promise<InfusionView> {
  return change(deps, caller, id, 'infusions.chart', 'acknowledge_alert', async (tx, _row, now) => {
    if (!(await store.acknowledgeAlert(tx, id, alertId, caller.staffId, note, now))) {
      throw notFound('unacknowledged alert');
    }
    return { alertId };
  });
}

/** A monitor alarm (PCD-04) seen and acted on: who, when and what was done. */
export function acknowledgeDeviceAlarm(
  deps: InfusionDeps,
  caller: Caller,
  id: string,
  alarmId: string,
  note: string,
): Promise<InfusionView> {
  return change(deps, caller, id, 'infusions.chart', 'acknowledge_device_alarm', async (tx, _row, now) => {
    if (!(await store.acknowledgeDeviceAlarm(tx, id, alarmId, caller.staffId, note, now))) {
      throw notFound('unacknowledged device alarm');
    }
    return { deviceAlarmId: alarmId };
  });
}

export function discharge(
  deps: InfusionDeps,
  caller: Caller,
  id: string,
  input: DischargeInput,
): Promise<InfusionView> {
  return change(deps, caller, id, 'infusions.chart', 'discharge', async (tx, row, now) => {
    if (row.stage !== 'recovery') {
      throw conflict('illegal_transition', `Cannot discharge a session in ${row.stage}.`);
    }
    const result =
      input.scoreType === 'padss'
        ? scorePadss(input.items as Record<PadssItemId, number>)
        : scoreModifiedAldrete(input.items as Record<AldreteItemId, number>);
    const openAlerts = (await store.listAlerts(tx, id)).filter((a) => a.cleared_at == null).length;
    const aldrete = (await sessionStore.listRecoveryScores(tx, id)).at(-1);
    const readiness = dischargeReadiness(
      {
        score: result,
        latestAldrete: aldrete
          ? {
              oxygenSaturation: aldrete.items.oxygenSaturation ?? 0,
              consciousness: aldrete.items.consciousness ?? 0,
            }
          : null,
        escortName: input.escortName,
        recoveryStartedAt: row.ended_at ? new Date(row.ended_at).getTime() : null,
        now: now.getTime(),
        activeAlertCount: openAlerts,
        instructionsGiven: input.instructionsGiven,
      },
      { minRecoveryMin: protocolOf(row).recovery.minObservationMin },
    );
    if (!readiness.ready) {
      throw refused(
        'discharge_not_ready',
        `Not ready to leave: ${readiness.reasons.map((r) => r.message).join('; ')}.`,
      );
    }
    await requireReconciled(tx, row);
    const stage = advance(row.stage, { type: 'discharge', ready: true });
    await store.updateInfusion(tx, id, {
      stage,
      stageSince: now,
      discharge: {
        scoreType: input.scoreType,
        items: input.items,
        score: result.total,
        escortName: input.escortName,
        instructionsGiven: true,
        note: input.note ?? null,
        at: now.toISOString(),
        by: caller.name,
      },
    });
    return { score: result.total, scoreType: input.scoreType };
  });
}

export async function board(deps: InfusionDeps, caller: Caller) {
  requirePermission(caller, 'infusions.read');
  return inClinic(deps.db, caller.clinicId, async (tx) => {
    const [chairs, sessions] = await Promise.all([store.listChairs(tx), store.listActiveSessions(tx)]);
    const ids = sessions.map((s) => s.id);
    const [vitals, alerts] = await Promise.all([
      store.latestVitalsFor(tx, ids),
      store.openAlertsFor(tx, ids),
    ]);
    await audit(tx, caller, { action: 'read', entity: 'infusion_board', detail: { sessions: ids.length } });
    const now = deps.now();
    const summary = (s: (typeof sessions)[number]) => {
      const mine = vitals.filter((v) => v.infusion_id === s.id);
      const last = (kind: string) => mine.filter((v) => v.kind === kind).at(-1);
      const bp = last('bp');
      const hrSeries = mine
        .filter((v) => v.kind === 'hr')
        .slice(-30)
        .map((v) => Number(v.value));
      const open = alerts.filter((a) => a.infusion_id === s.id);
      return {
        id: s.id,
        patientId: s.patient_id,
        patientName: `${s.given_name} ${s.family_name}`,
        stage: s.stage,
        minutesInStage: Math.max(0, Math.floor((now.getTime() - new Date(s.stage_since).getTime()) / 60_000)),
        hr: last('hr') ? Number(last('hr')?.value) : null,
        sbp: bp ? Number(bp.value) : null,
        dbp: bp?.diastolic == null ? null : Number(bp.diastolic),
        spo2: last('spo2') ? Number(last('spo2')?.value) : null,
        hrSeries,
        alerts: open.map((a) => ({ message: a.message, acknowledged: a.acknowledged_at != null })),
      };
    };
    const unplaced = sessions.filter((s) => !s.chair_id);
    return {
      chairs: chairs.map((c) => {
        const s = sessions.find((x) => x.chair_id === c.id);
        return { id: c.id, name: c.name, session: s ? summary(s) : null };
      }),
      unassigned: unplaced.map(summary),
    };
  });
}

export async function chairs(deps: InfusionDeps, caller: Caller) {
  requirePermission(caller, 'infusions.read');
  return inClinic(deps.db, caller.clinicId, (tx) => store.listChairs(tx));
}
