/**
 * One received HL7 message → committed outcome → ACK (issue 3 "Matching" and "ACK").
 *
 * Everything for one message happens in ONE clinic-scoped transaction: the device upserted
 * (last_seen_at), the patient matched, the readings stored through storeVitalSet (source 'device',
 * alert rules re-evaluated), a device_messages row (the raw log and review queue) and an audit row.
 * Only after that commits does the listener send AA and the live consoles hear of it.
 *
 * Matching: PID-3 (MRN) → the patient; an MRN that matches no patient is not guessed from the bed.
 * With an empty PID-3: the chair the device is assigned to (devices.chair_id), else a chair named like
 * the PV1-3 bed → the patient of that chair's active infusion.
 *
 * Nothing is dropped: an unmatched message is stored with status `unmatched` (the review queue where
 * staff assign it) and acknowledged AA — it is safely kept, and a re-send would not help. A message
 * that parses but cannot be processed (a reading time in the future, a database error) is rolled back,
 * logged as `rejected` in a second transaction and answered AE; a malformed or unsupported one is
 * logged as `rejected` and answered AR.
 *
 * Dispatch by MSH-9: `ORU^R01` (PCD-01 vitals) as above; `ORU^R40` (PCD-04 alarms) → the same device
 * upsert and patient matching, then each alarm upserted by (device, event id) into device_alarms — phase
 * start opens it, update refreshes text/priority/last_at, end sets ended_at, a start after an end
 * re-opens it — and answered `ORA^R41`. Alarms are kept even when no patient matches (device_messages
 * says `unmatched`); a matched patient's active infusion shows them in its console.
 */
import { isDomainError } from '@openkap/domain/errors';
import type { AppContext } from '../context.ts';
import { inClinic, type Tx } from '../db/clinic-scope.ts';
import { audit } from '../audit/store.ts';
import { findPatientByMrn } from '../patients/store.ts';
import { AppError } from '../http/errors.ts';
import { currentInfusionFor, storeVitalSet } from '../infusions/vitals.ts';
import type { InfusionRow } from '../infusions/store.ts';
import { Hl7Reject, parseHl7 } from './message.ts';
import { parsePcd01, readHeader, type DeviceReport, type MessageHeader } from './pcd01.ts';
import { parsePcd04, type AlarmReport, type DeviceAlarm } from './pcd04.ts';
import { readingsOf, type ReadingsOutcome } from './readings.ts';
import { toInstant } from './time.ts';
import type { AckOutcome } from './ack.ts';
import * as store from './store.ts';

export type IngestDeps = Pick<AppContext, 'db' | 'now' | 'live'>;

export interface IngestResult extends AckOutcome {
  header: MessageHeader | undefined;
  status: 'stored' | 'unmatched' | 'rejected';
  stored: number;
  infusionId: string | null;
}

/** A message answered AE or AR: logged as rejected, nothing of it stored. */
export function rejection(
  header: MessageHeader | undefined,
  code: 'AE' | 'AR',
  text: string,
  errorCode: string,
  replyType?: string,
): IngestResult {
  return {
    code,
    text,
    errorCode,
    ...(replyType ? { replyType } : {}),
    header,
    status: 'rejected',
    stored: 0,
    infusionId: null,
  };
}

/** AE for a message that could not be stored for a reason of ours: the sender should send it again. */
export const NOT_STORED = 'The message could not be stored; please send it again';

export const ACTIVE_STAGES = ['precheck', 'infusing', 'paused', 'recovery'];

/** The header, if the text has a readable MSH at all (so even a rejection names the control id). */
export function headerOf(text: string): MessageHeader | undefined {
  try {
    return readHeader(parseHl7(text.split(/\r\n|\r|\n/, 1)[0] ?? '').msh);
  } catch {
    return undefined;
  }
}

export async function ingestMessage(deps: IngestDeps, clinicId: string, text: string): Promise<IngestResult> {
  if (headerOf(text)?.messageType === 'ORU^R40') {
    return ingestWith(deps, clinicId, text, {
      parse: parsePcd04,
      store: storeAlarms,
      replyType: ALARM_REPLY,
    });
  }
  return ingestWith(deps, clinicId, text, { parse: parsePcd01, store: storeReport });
}

/**
 * Parse, then store in one clinic transaction, then tell the live consoles: the same steps for every
 * message type. Unreadable → AR; readable but not storable (rolled back) → AE; both logged as rejected.
 */
async function ingestWith<R extends { header: MessageHeader; deviceId: string }>(
  deps: IngestDeps,
  clinicId: string,
  text: string,
  kind: {
    parse: (text: string) => R;
    store: (tx: Tx, clinicId: string, report: R, raw: string, now: Date) => Promise<IngestResult>;
    replyType?: string;
  },
): Promise<IngestResult> {
  const now = deps.now();
  let report: R;
  try {
    report = kind.parse(text);
  } catch (err) {
    const header = headerOf(text);
    const reject = err instanceof Hl7Reject ? err : new Hl7Reject('100', 'The message could not be read');
    await logRejected(deps, clinicId, text, header, reject.message).catch(() => undefined);
    return rejection(header, 'AR', reject.message, reject.code, kind.replyType);
  }
  try {
    const result = await inClinic(deps.db, clinicId, (tx) => kind.store(tx, clinicId, report, text, now));
    if (result.infusionId) {
      deps.live.changed(result.infusionId);
    }
    return result;
  } catch (err) {
    const reason = isDomainError(err) || err instanceof AppError ? err.message : NOT_STORED;
    await logRejected(deps, clinicId, text, report.header, reason, report.deviceId).catch(() => undefined);
    return rejection(report.header, 'AE', reason, '207', kind.replyType);
  }
}

async function storeReport(
  tx: Tx,
  clinicId: string,
  report: DeviceReport,
  raw: string,
  now: Date,
): Promise<IngestResult> {
  const device = await store.touchDevice(tx, clinicId, report.deviceId, now);
  const readings = readingsOf(report, device.time_zone);
  const match = await matchPatient(tx, report, device.chair_id);

  let stored = 0;
  if (match.patientId) {
    for (const set of readings.sets) {
      const ids = await storeVitalSet(
        tx,
        { clinicId, patientId: match.patientId, infusion: match.infusion },
        set,
        'device',
        { device: report.deviceId, recordedBy: null },
        now,
      );
      stored += ids.length;
    }
  }
  return recordMessage(tx, clinicId, report, raw, now, {
    match,
    notes: readingNotes(match, readings, report),
    stored,
    infusionId: stored > 0 ? (match.infusion?.id ?? null) : null,
    what: 'reading',
    detail: {},
  });
}

const ALARM_REPLY = 'ORA^R41^ORA_R41';

const ENDING_PHASES = new Set(['end', 'stop']);

async function storeAlarms(
  tx: Tx,
  clinicId: string,
  report: AlarmReport,
  raw: string,
  now: Date,
): Promise<IngestResult> {
  const device = await store.touchDevice(tx, clinicId, report.deviceId, now);
  const match = await matchPatient(tx, report, device.chair_id);
  const infusionId = match.infusion?.id ?? null;
  for (const alarm of report.alarms) {
    await upsertAlarm(tx, clinicId, report.deviceId, alarm, {
      at: alarmTime(alarm, device.time_zone, now),
      patientId: match.patientId ?? null,
      infusionId,
    });
  }
  const stored = report.alarms.length;
  const notes = [match.reason, report.heartbeats ? `${report.heartbeats} heartbeat` : ''].filter(Boolean);
  return recordMessage(tx, clinicId, report, raw, now, {
    match,
    notes,
    stored,
    infusionId: stored > 0 ? infusionId : null,
    what: 'alarm',
    replyType: ALARM_REPLY,
    detail: {
      alarms: report.alarms.map((a) => ({ eventId: a.eventId, phase: a.phase, priority: a.priority })),
    },
  });
}

/**
 * The message's row in device_messages (status stored, or unmatched for the review queue) and its
 * audit row, in the message's transaction; then the AA answer text.
 */
async function recordMessage(
  tx: Tx,
  clinicId: string,
  report: { header: MessageHeader; deviceId: string },
  raw: string,
  now: Date,
  o: {
    match: Match;
    notes: string[];
    stored: number;
    infusionId: string | null;
    what: string;
    replyType?: string;
    detail: Record<string, unknown>;
  },
): Promise<IngestResult> {
  const status = o.match.patientId ? 'stored' : 'unmatched';
  const id = await store.insertDeviceMessage(tx, {
    clinic_id: clinicId,
    received_at: now,
    control_id: report.header.controlId,
    message_type: report.header.messageType,
    device_id: report.deviceId,
    raw,
    status,
    reason: o.notes.join('; ') || null,
    patient_id: o.match.patientId ?? null,
    infusion_id: o.match.infusion?.id ?? null,
    observation_count: o.stored,
  });
  await audit(
    tx,
    { clinicId, actor: `device:${report.deviceId}` },
    {
      action: 'create',
      entity: 'device_messages',
      entityId: id,
      ...(o.match.patientId ? { patientId: o.match.patientId } : {}),
      detail: {
        status,
        controlId: report.header.controlId,
        stored: o.stored,
        infusionId: o.match.infusion?.id ?? null,
        ...o.detail,
      },
    },
  );
  return {
    code: 'AA',
    text: ackText(status, o.match, o.stored, o.what, o.notes),
    ...(o.replyType ? { replyType: o.replyType } : {}),
    header: report.header,
    status,
    stored: o.stored,
    infusionId: o.infusionId,
  };
}

/** The alarm's time as an instant; a time ahead of our clock (a monitor clock running fast) is now. */
function alarmTime(alarm: DeviceAlarm, timeZone: string | null, now: Date): Date {
  if (!alarm.time) {
    return now;
  }
  const at = toInstant(alarm.time, timeZone);
  return at.getTime() > now.getTime() ? now : at;
}

async function upsertAlarm(
  tx: Tx,
  clinicId: string,
  deviceId: string,
  alarm: DeviceAlarm,
  ctx: { at: Date; patientId: string | null; infusionId: string | null },
): Promise<void> {
  const { at } = ctx;
  const ending = ENDING_PHASES.has(alarm.phase);
  const facts = {
    event_code: alarm.eventCode || null,
    text: alarm.text,
    priority: alarm.priority,
    alert_type: alarm.alertType,
    source: alarm.source,
    phase: alarm.phase,
    state: alarm.state,
    inactivation_state: alarm.inactivationState,
  };
  const existing = await store.findAlarmForUpdate(tx, deviceId, alarm.eventId);
  if (!existing) {
    await store.insertAlarm(tx, {
      clinic_id: clinicId,
      device_id: deviceId,
      patient_id: ctx.patientId,
      infusion_id: ctx.infusionId,
      event_id: alarm.eventId,
      ...facts,
      first_at: at,
      last_at: at,
      ended_at: ending ? at : null,
    });
    return;
  }
  const lastAt = new Date(existing.last_at);
  if (existing.ended_at && alarm.phase === 'start' && at.getTime() > new Date(existing.ended_at).getTime()) {
    // The device re-used the event id for a new occurrence: a fresh alarm that needs acknowledging again.
    await store.updateAlarm(tx, existing.id, {
      ...facts,
      patient_id: ctx.patientId ?? existing.patient_id,
      infusion_id: ctx.infusionId ?? existing.infusion_id,
      first_at: at,
      last_at: at,
      ended_at: null,
      acknowledged_at: null,
      acknowledged_by: null,
      note: null,
    });
    return;
  }
  // A message older than what we have (a re-send, out of order) does not overwrite newer facts.
  const newer = at.getTime() >= lastAt.getTime();
  await store.updateAlarm(tx, existing.id, {
    // After the end, a late update refreshes the facts but the alarm stays ended.
    ...(newer ? { ...facts, last_at: at, ...(existing.ended_at ? { phase: undefined } : {}) } : {}),
    ...(ending && !existing.ended_at ? { ended_at: at, phase: alarm.phase } : {}),
    patient_id: existing.patient_id ?? ctx.patientId,
    infusion_id: existing.infusion_id ?? ctx.infusionId,
  });
}

/** What a vitals message's log row and ACK say beside the count: the match and what was left out. */
export function readingNotes(
  match: Pick<Match, 'reason'>,
  readings: ReadingsOutcome,
  report: Pick<DeviceReport, 'conflicts'>,
): string[] {
  return [
    match.reason,
    report.conflicts.length ? `left out, code and label disagree: ${report.conflicts.join(', ')}` : '',
    readings.noValue ? `${readings.noValue} without value` : '',
    readings.implausible.length ? `implausible: ${readings.implausible.join(', ')}` : '',
    readings.untimed ? `${readings.untimed} without a time` : '',
  ].filter(Boolean);
}

/** MSA-3 of an AA: what was stored, or why the message waits in the review queue. */
export function ackText(
  status: 'stored' | 'unmatched',
  match: Pick<Match, 'reason'>,
  stored: number,
  what: string,
  notes: string[],
): string {
  return status === 'unmatched'
    ? `Kept for review: ${match.reason}`
    : `Stored ${stored} ${what}${stored === 1 ? '' : 's'}${notes.length ? ` (${notes.join('; ')})` : ''}`;
}

/** Why a message waits in the review queue; the same words whether it came alone or in a batch. */
export const unmatched = {
  noPatient: (mrn: string): string => `no patient with MRN ${mrn}`,
  noChair: (bed: string): string =>
    bed
      ? `no MRN, and neither the device nor bed "${bed}" is assigned to a chair`
      : 'no MRN and no bed, and the device is not assigned to a chair',
  noSession: 'no MRN, and no active infusion in the chair',
};

export interface Match {
  patientId?: string;
  infusion?: InfusionRow | undefined;
  reason: string;
}

async function matchPatient(
  tx: Tx,
  report: Pick<DeviceReport, 'mrn' | 'location'>,
  chairId: string | null,
): Promise<Match> {
  if (report.mrn) {
    const patient = await findPatientByMrn(tx, report.mrn);
    if (!patient) {
      return { reason: unmatched.noPatient(report.mrn) };
    }
    return { patientId: patient.id, infusion: await currentInfusionFor(tx, patient.id), reason: '' };
  }
  let chair = chairId;
  // Only the bed component: guessing from the room or unit could chart on the wrong patient.
  const bed = report.location.bed;
  if (!chair && bed) {
    chair = await store.chairNamed(tx, bed);
  }
  if (!chair) {
    return { reason: unmatched.noChair(bed) };
  }
  const patientId = await store.patientInChair(tx, chair, ACTIVE_STAGES);
  if (!patientId) {
    return { reason: unmatched.noSession };
  }
  return { patientId, infusion: await currentInfusionFor(tx, patientId), reason: '' };
}

async function logRejected(
  deps: IngestDeps,
  clinicId: string,
  raw: string,
  header: MessageHeader | undefined,
  reason: string,
  deviceId?: string,
): Promise<void> {
  await inClinic(deps.db, clinicId, async (tx) => {
    const id = await store.insertDeviceMessage(tx, {
      clinic_id: clinicId,
      received_at: deps.now(),
      control_id: header?.controlId || null,
      message_type: header?.messageType ?? null,
      device_id: deviceId ?? null,
      raw,
      status: 'rejected',
      reason,
    });
    await audit(
      tx,
      { clinicId, actor: `device:${deviceId ?? 'unknown'}` },
      {
        action: 'create',
        entity: 'device_messages',
        entityId: id,
        detail: { status: 'rejected', reason },
      },
    );
  });
}
