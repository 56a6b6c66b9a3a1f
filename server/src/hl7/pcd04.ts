/**
 * IHE PCD-04 (ACM "Report Alert", `ORU^R40`) → the alarms a monitor reports (issue 3 "device alarms";
 * interop.md §1 "PCD-04" and §2 sample D). Same MSH/PID/PV1 as PCD-01, then ONE ALARM PER OBR: an
 * event OBX (facet 1: OBX-3 the alarm event code, OBX-5 its text, OBX-8 `A~PM~SA` abnormal flags with
 * priority and type) and attribute facets under a 5th OBX-4 level (`1.0.0.0.2` …): source, phase
 * (start / update / end / present …), alarm state, inactivation state, priority (PH/PM/PL/PN) and alert
 * type (SP physiological / ST technical / SA advisory).
 *
 * Facet codes vary between vendors (GE Mural 68164–68167, others 68481/68482), so a facet is known by
 * its MDC code when that code is one we have seen, else by the REFID text in OBX-3.2. The alarm's
 * identity (for update/end of the same alarm) is OBR-3 (filler id), else OBR-2, else the event code with
 * its OBX-4. Pure: no database.
 */
import { Hl7Reject, parseHl7, type Segment } from './message.ts';
import { readHeader, type MessageHeader } from './pcd01.ts';
import { parseHl7Time, type Hl7Time } from './time.ts';

export type AlarmPriority = 'PH' | 'PM' | 'PL' | 'PN';
export type AlarmType = 'SP' | 'ST' | 'SA';
type Facet = 'source' | 'phase' | 'state' | 'inactivation' | 'priority' | 'type';

export interface DeviceAlarm {
  /** The alarm's identity across its start / update / end messages. */
  eventId: string;
  /** OBX-3 of the event facet, `code^REFID`. */
  eventCode: string;
  text: string;
  priority: AlarmPriority;
  alertType: AlarmType | null;
  source: string | null;
  /** Lower-case: start | update | end | present | continue | escalate | … */
  phase: string;
  state: string | null;
  inactivationState: string | null;
  /** OBX-14 of the event facet, else OBR-7, else MSH-7. */
  time: Hl7Time | undefined;
}

export interface AlarmReport {
  header: MessageHeader;
  deviceId: string;
  mrn: string;
  location: { pointOfCare: string; room: string; bed: string };
  alarms: DeviceAlarm[];
  /** OBR groups that are heartbeats (MDC_EVT_ACTIVE), not alarms. */
  heartbeats: number;
}

/** Facet MDC codes seen in samples (interop.md §2 sample D and the note under it). */
const FACET_CODES: Record<number, Facet> = {
  68164: 'source',
  68165: 'phase',
  68166: 'state',
  68167: 'inactivation',
  68481: 'phase',
  68482: 'state',
  68483: 'inactivation',
  68484: 'priority',
  68485: 'type',
};

/** Facets by REFID text (OBX-3.2), the fallback for codes we do not know. */
const FACET_REFIDS: [RegExp, Facet][] = [
  [/^MDC_ATTR_ALERT_SOURCE$/, 'source'],
  [/^MDC_ATTR_EVENT_PHASE$/, 'phase'],
  [/^MDC_ATTR_(ALERT|ALARM)_STATE$/, 'state'],
  [/^MDC_ATTR_(ALARM|ALERT)_INACTIVATION_STATE$/, 'inactivation'],
  [/^MDC_ATTR_(ALARM|ALERT)_PRIORITY$/, 'priority'],
  [/^MDC_ATTR_(ALERT|ALARM)_TYPE$/, 'type'],
];

const HEARTBEAT_CODE = 196614;
const PRIORITIES = new Set<string>(['PH', 'PM', 'PL', 'PN']);
const TYPES = new Set<string>(['SP', 'ST', 'SA']);

function facetOf(seg: Segment): Facet | undefined {
  const code = Number(seg.get(3, 1));
  const byCode = seg.get(3, 1) !== '' && Number.isInteger(code) ? FACET_CODES[code] : undefined;
  if (byCode) {
    return byCode;
  }
  const refId = seg.get(3, 2).toUpperCase();
  return FACET_REFIDS.find(([re]) => re.test(refId))?.[1];
}

/** A facet's value: for a coded value (`code^text`) the text, else the whole value. */
function valueOf(seg: Segment): string {
  return (seg.get(5, 2) || seg.get(5, 1)).trim();
}

interface Group {
  obr: Segment;
  obx: Segment[];
}

function alarmOf(g: Group, index: number, fallbackTime: Hl7Time | undefined, rep: string): DeviceAlarm {
  const facets = new Map<Facet, Segment>();
  let event: Segment | undefined;
  for (const seg of g.obx) {
    // Device-hierarchy OBXs (the MDS header): OBX-11 = X.
    if (seg.get(11).toUpperCase() === 'X') {
      continue;
    }
    const facet = facetOf(seg);
    if (facet) {
      if (!facets.has(facet)) {
        facets.set(facet, seg);
      }
    } else {
      event ??= seg;
    }
  }
  if (!event) {
    throw new Hl7Reject('101', `OBR ${index}: no alarm event OBX (facet 1) in the alarm`);
  }
  const flags = event
    .raw(8)
    .split(rep)
    .map((f) => f.trim().toUpperCase());
  const facetValue = (f: Facet): string | null => {
    const seg = facets.get(f);
    return seg ? valueOf(seg) || null : null;
  };
  const priorityText = (facetValue('priority') ?? '').toUpperCase();
  const priority = (
    PRIORITIES.has(priorityText) ? priorityText : (flags.find((f) => PRIORITIES.has(f)) ?? 'PN')
  ) as AlarmPriority;
  const typeText = (facetValue('type') ?? '').toUpperCase();
  const alertType = (
    TYPES.has(typeText) ? typeText : (flags.find((f) => TYPES.has(f)) ?? null)
  ) as AlarmType | null;
  const eventCode = [event.get(3, 1), event.get(3, 2)].filter(Boolean).join('^');
  const text = event.get(5).trim() || event.get(3, 2) || event.get(3, 1);
  if (!text) {
    throw new Hl7Reject('101', `OBR ${index}: the alarm has neither text (OBX-5) nor an event code (OBX-3)`);
  }
  const eventId = g.obr.get(3, 1) || g.obr.get(2, 1) || (eventCode ? `${eventCode}@${event.get(4)}` : '');
  if (!eventId) {
    throw new Hl7Reject('101', `OBR ${index}: no alarm identity (OBR-3, OBR-2 or an event code)`);
  }
  return {
    eventId,
    eventCode,
    text,
    priority,
    alertType,
    source: facetValue('source'),
    phase: (facetValue('phase') ?? 'present').toLowerCase(),
    state: facetValue('state')?.toLowerCase() ?? null,
    inactivationState: facetValue('inactivation')?.toLowerCase() ?? null,
    time: parseHl7Time(event.get(14)) ?? parseHl7Time(g.obr.get(7)) ?? fallbackTime,
  };
}

/** Parses a PCD-04 message; throws Hl7Reject (→ AR) for anything that is not a readable ORU^R40. */
export function parsePcd04(text: string): AlarmReport {
  const msg = parseHl7(text);
  const header = readHeader(msg.msh);
  if (!header.controlId) {
    throw new Hl7Reject('101', 'MSH-10 (message control id) is empty');
  }
  if (header.messageType !== 'ORU^R40') {
    throw new Hl7Reject('200', `Unsupported message type ${header.messageType}: expected ORU^R40 (PCD-04)`);
  }
  if (!/^2\.(3\.1|[3-9])/.test(header.version)) {
    throw new Hl7Reject('203', `Unsupported HL7 version "${header.version}": 2.3.1 to 2.6 are accepted`);
  }
  const deviceId = msg.msh.get(3, 2) || msg.msh.get(3, 1);
  if (!deviceId) {
    throw new Hl7Reject('101', 'MSH-3 (sending application / device) is empty');
  }
  const pid = msg.segments.find((s) => s.name === 'PID');
  const pv1 = msg.segments.find((s) => s.name === 'PV1');
  const groups: Group[] = [];
  for (const seg of msg.segments) {
    if (seg.name === 'OBR') {
      groups.push({ obr: seg, obx: [] });
    } else if (seg.name === 'OBX') {
      const current = groups.at(-1);
      if (!current) {
        throw new Hl7Reject('100', 'OBX before any OBR: each alarm is an OBR followed by its OBX facets');
      }
      current.obx.push(seg);
    }
  }
  if (groups.length === 0) {
    throw new Hl7Reject('100', 'No OBR: a PCD-04 message carries one OBR per alarm');
  }
  const alarms: DeviceAlarm[] = [];
  let heartbeats = 0;
  for (const [i, g] of groups.entries()) {
    if (Number(g.obr.get(4, 1)) === HEARTBEAT_CODE || g.obr.get(4, 2).toUpperCase() === 'MDC_EVT_ACTIVE') {
      heartbeats++;
      continue;
    }
    alarms.push(alarmOf(g, i + 1, header.time, msg.delimiters.repetition));
  }
  const ids = alarms.map((a) => a.eventId);
  if (new Set(ids).size !== ids.length) {
    throw new Hl7Reject('100', 'Two alarms in one message have the same event id');
  }
  return {
    header,
    deviceId,
    mrn: pid?.get(3, 1) ?? '',
    location: { pointOfCare: pv1?.get(3, 1) ?? '', room: pv1?.get(3, 2) ?? '', bed: pv1?.get(3, 3) ?? '' },
    alarms,
    heartbeats,
  };
}
