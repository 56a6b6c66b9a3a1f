/**
 * Group commit of PCD-01 vital-sign messages (issue 3 "Benchmark": batched inserts, never an ACK before
 * commit). Many messages, from any number of monitors, are stored in ONE clinic transaction with a
 * fixed number of statements whatever the batch size: devices touched, patients matched, sessions
 * locked, readings inserted, messages logged and audited — each one multi-row. The outcome of each
 * message is exactly what ingestMessage would give it alone (same matching, same idempotency, same
 * device_messages and audit rows, same ACK text); a message whose readings fail validation is left
 * out and handed back so the caller can answer it alone (AE with the reason).
 *
 * Alert rules: every session that received readings is re-evaluated (reconcileAlerts) when it has an
 * alert open or a new reading crosses an enabled rule (readingsMayAlert); otherwise nothing can change.
 */
import { readingsMayAlert } from '@openkap/domain/monitoring/alerts';
import type { Tx } from '../db/clinic-scope.ts';
import { auditMany } from '../audit/store.ts';
import { findPatientIdsByMrn } from '../patients/store.ts';
import * as infusions from '../infusions/store.ts';
import type { Protocol } from '@openkap/domain/plans/protocol';
import { alertRulesOf } from '../infusions/protocol.ts';
import { checkVitalSet, reconcileAlerts, vitalRowsOf, type VitalSet } from '../infusions/vitals.ts';
import { ACTIVE_STAGES, ackText, readingNotes, unmatched, type IngestResult } from './ingest.ts';
import type { DeviceReport } from './pcd01.ts';
import { readingsOf } from './readings.ts';
import * as store from './store.ts';

export interface BatchItem {
  report: DeviceReport;
  raw: string;
}

export type BatchOutcome = { result: IngestResult } | { alone: true };

export async function storeReadingBatch(
  tx: Tx,
  clinicId: string,
  items: readonly BatchItem[],
  now: Date,
): Promise<BatchOutcome[]> {
  const devices = await store.touchDevices(
    tx,
    clinicId,
    items.map((i) => i.report.deviceId),
    now,
  );
  const matches = await matchAll(tx, items, devices);

  // Readings per message; a message with a reading we refuse is answered alone, outside this batch.
  const prepared = items.map((item, n) => {
    const readings = readingsOf(item.report, devices.get(item.report.deviceId)?.time_zone ?? null);
    try {
      for (const set of readings.sets) {
        checkVitalSet(set, now);
      }
    } catch {
      return undefined;
    }
    const match = matches[n] ?? { reason: 'not matched' };
    const patientId = match.patientId;
    const rows = patientId
      ? readings.sets.flatMap((set) =>
          vitalRowsOf(set, {
            clinicId,
            patientId,
            infusionId: match.infusion?.id ?? null,
            effectiveAt: set.takenAt,
            source: 'device',
            device: item.report.deviceId,
            recordedBy: null,
          }),
        )
      : [];
    return { item, readings, match, rows };
  });

  const inserted = await infusions.insertDeviceVitals(
    tx,
    clinicId,
    prepared.flatMap((p) => p?.rows ?? []),
  );
  const unclaimed = new Set(inserted.map((r) => rowKey(r.patient_id, r.device, r.kind, r.effective_at)));

  // Which session got which new readings: those are re-evaluated below.
  const newReadings = new Map<string, { infusion: infusions.SessionRef; sets: VitalSet[] }>();
  const outcomes = prepared.map((p) => {
    if (!p) {
      return undefined;
    }
    // A reading sent twice in one batch is stored once and counted for the first message.
    const stored = p.rows.filter((row) =>
      unclaimed.delete(rowKey(row.patientId, row.device, row.kind, row.effectiveAt)),
    ).length;
    if (p.match.patientId) {
      const infusion = p.match.infusion;
      if (infusion && stored > 0) {
        const entry = newReadings.get(infusion.id) ?? { infusion, sets: [] };
        entry.sets.push(...p.readings.sets);
        newReadings.set(infusion.id, entry);
      }
    }
    return { ...p, stored };
  });

  const withOpen = await infusions.infusionsWithOpenAlerts(tx, [...newReadings.keys()]);
  for (const { infusion, sets } of newReadings.values()) {
    // The rules as the session's protocol snapshot has them (null before alert limits were editable).
    const rules = alertRulesOf({ alerts: (infusion.alerts ?? undefined) as Protocol['alerts'] });
    if (withOpen.has(infusion.id) || readingsMayAlert(sets.map(toReading), rules)) {
      const row = await infusions.findInfusion(tx, infusion.id);
      if (row) {
        await reconcileAlerts(tx, row, now);
      }
    }
  }

  const done = outcomes.filter((o) => o !== undefined);
  const ids = await store.insertDeviceMessages(
    tx,
    clinicId,
    now,
    done.map((o) => ({
      control_id: o.item.report.header.controlId,
      message_type: o.item.report.header.messageType,
      device_id: o.item.report.deviceId,
      raw: o.item.raw,
      status: o.match.patientId ? ('stored' as const) : ('unmatched' as const),
      reason: readingNotes(o.match, o.readings, o.item.report).join('; ') || null,
      patient_id: o.match.patientId ?? null,
      infusion_id: o.match.infusion?.id ?? null,
      observation_count: o.stored,
    })),
  );
  await auditMany(
    tx,
    clinicId,
    done.map((o, n) => ({
      actor: `device:${o.item.report.deviceId}`,
      action: 'create',
      entity: 'device_messages',
      entityId: ids[n] ?? '',
      ...(o.match.patientId ? { patientId: o.match.patientId } : {}),
      detail: {
        status: o.match.patientId ? 'stored' : 'unmatched',
        controlId: o.item.report.header.controlId,
        stored: o.stored,
        infusionId: o.match.infusion?.id ?? null,
      },
    })),
  );

  return outcomes.map((o) => {
    if (!o) {
      return { alone: true };
    }
    const status = o.match.patientId ? 'stored' : 'unmatched';
    const notes = readingNotes(o.match, o.readings, o.item.report);
    return {
      result: {
        code: 'AA',
        text: ackText(status, o.match, o.stored, 'reading', notes),
        header: o.item.report.header,
        status,
        stored: o.stored,
        infusionId: o.stored > 0 ? (o.match.infusion?.id ?? null) : null,
      },
    };
  });
}

const rowKey = (patientId: string, device: string | null, kind: string, at: Date): string =>
  `${patientId}|${device ?? ''}|${kind}|${at.getTime()}`;

const toReading = (set: VitalSet) => ({
  at: set.takenAt.getTime(),
  hr: set.hr,
  sbp: set.sbp,
  dbp: set.dbp,
  spo2: set.spo2,
  rr: set.rr,
});

/** matchPatient (ingest.ts) for a whole batch: the same rules, a handful of queries in all. */
interface BatchMatch {
  patientId?: string;
  infusion?: infusions.SessionRef | undefined;
  reason: string;
}

async function matchAll(
  tx: Tx,
  items: readonly BatchItem[],
  devices: Map<string, { chair_id: string | null }>,
): Promise<BatchMatch[]> {
  const byMrn = await findPatientIdsByMrn(tx, items.map((i) => i.report.mrn).filter(Boolean));
  const unassignedBeds = items
    .filter((i) => !i.report.mrn && !devices.get(i.report.deviceId)?.chair_id && i.report.location.bed)
    .map((i) => i.report.location.bed);
  const chairByBed = await store.chairsNamed(tx, unassignedBeds);
  const chairOf = (item: BatchItem): string | null =>
    devices.get(item.report.deviceId)?.chair_id ??
    (item.report.location.bed ? (chairByBed.get(item.report.location.bed.toLowerCase()) ?? null) : null);
  const chairs = items.filter((i) => !i.report.mrn).map(chairOf);
  const inChair = await store.patientsInChairs(
    tx,
    chairs.filter((c) => c !== null),
    ACTIVE_STAGES,
  );

  const patientOf = items.map((item): { patientId?: string; reason: string } => {
    const { mrn, location } = item.report;
    if (mrn) {
      const patientId = byMrn.get(mrn);
      return patientId ? { patientId, reason: '' } : { reason: unmatched.noPatient(mrn) };
    }
    const chair = chairOf(item);
    if (!chair) {
      return { reason: unmatched.noChair(location.bed) };
    }
    const patientId = inChair.get(chair);
    return patientId ? { patientId, reason: '' } : { reason: unmatched.noSession };
  });
  const sessions = await infusions.lockCurrentInfusions(
    tx,
    patientOf.flatMap((p) => (p.patientId ? [p.patientId] : [])),
    ACTIVE_STAGES,
  );
  return patientOf.map((p) =>
    p.patientId ? { patientId: p.patientId, infusion: sessions.get(p.patientId), reason: '' } : p,
  );
}
