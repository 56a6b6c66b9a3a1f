/**
 * IHE PCD-01 (DEC "Communicate PCD Data", `ORU^R01`, HL7 2.3.1–2.6) → a device report: who sent it,
 * which patient/bed it names, and its metric observations. Structure: interop.md §1 "Message structure
 * as real devices send it". Pure: no database, so parse → store stay separable (batching later).
 */
import { Hl7Reject, parseHl7, type Segment } from './message.ts';
import { measureOf, toCanonical, type MdcMeasure } from './mdc.ts';
import { parseHl7Time, type Hl7Time } from './time.ts';

/** The MSH fields an ACK needs; read before anything else can fail, so even a rejection is answered well. */
export interface MessageHeader {
  sendingApp: string;
  sendingFacility: string;
  receivingApp: string;
  receivingFacility: string;
  /** MSH-9 as `TYPE^EVENT` */
  messageType: string;
  controlId: string;
  version: string;
  /** MSH-15 accept-acknowledgment type, MSH-16 application-acknowledgment type (AL | NE | ER | SU | ''). */
  acceptAck: string;
  appAck: string;
  /** MSH-7 */
  time: Hl7Time | undefined;
}

export interface DeviceObservation {
  /** OBX-3.1 MDC numeric code */
  code: number;
  refId: string;
  measure: MdcMeasure;
  /** OBX-4, used only to pair values within one message (e.g. sys/dia of one NIBP channel). */
  subId: string;
  /** In the measure's canonical unit; undefined = "no value" (sentinel, empty, non-numeric). */
  value: number | undefined;
  raw: string;
  /** OBX-14, else OBR-7, else MSH-7 */
  time: Hl7Time | undefined;
}

export interface DeviceReport {
  header: MessageHeader;
  /** The device: the EUI-64 in MSH-3.2 when sent, else the application name in MSH-3.1. */
  deviceId: string;
  /** PID-3.1 */
  mrn: string;
  /** PV1-3: point of care ^ room ^ bed */
  location: { pointOfCare: string; room: string; bed: string };
  observations: DeviceObservation[];
  /** Metric OBXs whose code we do not use (logged as counts only). */
  ignored: number;
  /** Readings left out because OBX-3's code and REFID name different vitals, e.g. "150456 labelled MDC_ECG_HEART_RATE". */
  conflicts: string[];
}

/**
 * "No value" markers sent in place of a reading: Mindray -999 / -100 / -99.9, and 8388607 = 0x7FFFFF,
 * the IEEE 11073-20601 FLOAT NaN (interop.md §2 "Empty or sentinel values"). Never stored or alerted on.
 */
const SENTINELS = new Set([-999, -100, -99.9, 8388607]);

export function numericValue(raw: string): number | undefined {
  const text = raw.trim();
  if (!/^[+-]?(\d+\.?\d*|\.\d+)$/.test(text)) {
    return undefined;
  }
  const n = Number(text);
  return Number.isFinite(n) && !SENTINELS.has(n) ? n : undefined;
}

export function readHeader(msh: Segment): MessageHeader {
  return {
    sendingApp: msh.raw(3),
    sendingFacility: msh.raw(4),
    receivingApp: msh.raw(5),
    receivingFacility: msh.raw(6),
    messageType: `${msh.get(9, 1)}^${msh.get(9, 2)}`,
    controlId: msh.get(10),
    version: msh.get(12, 1),
    acceptAck: msh.get(15).toUpperCase(),
    appAck: msh.get(16).toUpperCase(),
    time: parseHl7Time(msh.get(7)),
  };
}

/** Parses a PCD-01 message; throws Hl7Reject (→ AR) for anything that is not a readable ORU^R01. */
export function parsePcd01(text: string): DeviceReport {
  const msg = parseHl7(text);
  const header = readHeader(msg.msh);
  if (!header.controlId) {
    throw new Hl7Reject('101', 'MSH-10 (message control id) is empty');
  }
  if (header.messageType !== 'ORU^R01') {
    throw new Hl7Reject(
      '200',
      `Unsupported message type ${header.messageType}: only ORU^R01 (PCD-01) is accepted`,
    );
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
  const observations: DeviceObservation[] = [];
  let ignored = 0;
  const conflicts: string[] = [];
  let obrTime: Hl7Time | undefined;
  for (const seg of msg.segments) {
    if (seg.name === 'OBR') {
      obrTime = parseHl7Time(seg.get(7));
      continue;
    }
    if (seg.name !== 'OBX') {
      continue;
    }
    // Device-hierarchy OBXs (MDS/VMD/CHAN headers): OBX-11 = X or no value at all.
    if (seg.get(11).toUpperCase() === 'X' || (seg.raw(5) === '' && seg.get(2) === '')) {
      continue;
    }
    const lookup = measureOf(Number(seg.get(3, 1) || NaN), seg.get(3, 2));
    if ('conflict' in lookup) {
      conflicts.push(lookup.conflict);
      continue;
    }
    if ('unknown' in lookup) {
      ignored++;
      continue;
    }
    const { measure, code } = lookup;
    const raw = seg.get(5);
    const n = numericValue(raw);
    const unit = seg.raw(6).split(msg.delimiters.component);
    observations.push({
      code,
      refId: seg.get(3, 2),
      measure,
      subId: seg.get(4),
      value: n === undefined ? undefined : toCanonical(measure, n, unit),
      raw,
      time: parseHl7Time(seg.get(14)) ?? obrTime ?? header.time,
    });
  }
  return {
    header,
    deviceId,
    mrn: pid?.get(3, 1) ?? '',
    location: { pointOfCare: pv1?.get(3, 1) ?? '', room: pv1?.get(3, 2) ?? '', bed: pv1?.get(3, 3) ?? '' },
    observations,
    ignored,
    conflicts,
  };
}
