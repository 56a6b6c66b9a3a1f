/**
 * A device report's observations → OpenKAP vital sets (one per observation time), the input of
 * storeVitalSet. Pure. Rules (issue 3; interop.md §1 "OBX-4 containment", §2 "Edge cases"):
 * - "no value" observations (sentinels, empty, NaN) are counted, never stored;
 * - pulse rate (oximeter / NIBP / generic) is the HR only when the message has no ECG HR at that time;
 * - systolic and diastolic pair up by OBX-4 prefix (MDS.VMD.CHAN) within the message, never across
 *   messages; NIBP and cuff families alike;
 * - values no patient can have (isPossibleVital) are flagged as implausible and left out;
 * - NIBP mean and EtCO2 are parsed but not stored: vital_signs kinds are hr | bp | spo2 | rr | temp.
 * With two channels of one kind at one time (two SpO2 probes, two temperatures), the first one wins.
 */
import { isPossibleVital } from '@openkap/domain/monitoring/vitals';
import type { VitalSet } from '../infusions/vitals.ts';
import type { DeviceObservation, DeviceReport } from './pcd01.ts';
import { toInstant } from './time.ts';

export interface ReadingsOutcome {
  sets: VitalSet[];
  /** Observations that carried a "no value" marker. */
  noValue: number;
  /** Readings left out as impossible, e.g. "tempC 384.5". */
  implausible: string[];
  /** Parsed but not stored (NIBP mean, EtCO2). */
  notStored: number;
  /** Observations without any usable time (no OBX-14, OBR-7 or MSH-7). */
  untimed: number;
}

const channelOf = (o: DeviceObservation): string => o.subId.split('.').slice(0, 3).join('.');

export function readingsOf(report: DeviceReport, timeZone: string | null | undefined): ReadingsOutcome {
  const out: ReadingsOutcome = { sets: [], noValue: 0, implausible: [], notStored: 0, untimed: 0 };
  const byTime = new Map<number, DeviceObservation[]>();
  for (const o of report.observations) {
    if (o.value === undefined) {
      out.noValue++;
      continue;
    }
    if (o.measure === 'map' || o.measure === 'etco2') {
      out.notStored++;
      continue;
    }
    if (!o.time) {
      out.untimed++;
      continue;
    }
    const at = toInstant(o.time, timeZone).getTime();
    byTime.set(at, [...(byTime.get(at) ?? []), o]);
  }
  for (const [at, obs] of [...byTime].sort((a, b) => a[0] - b[0])) {
    const set: VitalSet = { takenAt: new Date(at) };
    const first = (measure: DeviceObservation['measure']): number | undefined =>
      obs.find((o) => o.measure === measure)?.value;
    const keep = (kind: 'hr' | 'spo2' | 'rr' | 'tempC', value: number | undefined): number | undefined => {
      if (value === undefined) {
        return undefined;
      }
      if (!isPossibleVital(kind, value)) {
        out.implausible.push(`${kind} ${value}`);
        return undefined;
      }
      return value;
    };
    set.hr = keep('hr', first('hr') ?? first('pulse'));
    set.spo2 = keep('spo2', first('spo2'));
    set.rr = keep('rr', first('rr'));
    set.tempC = keep('tempC', first('temp'));
    for (const sys of obs.filter((o) => o.measure === 'sbp')) {
      const dia = obs.find((o) => o.measure === 'dbp' && channelOf(o) === channelOf(sys));
      if (dia?.value === undefined || sys.value === undefined) {
        continue;
      }
      if (isPossibleVital('sbp', sys.value) && isPossibleVital('dbp', dia.value) && sys.value > dia.value) {
        set.sbp = sys.value;
        set.dbp = dia.value;
        break;
      }
      out.implausible.push(`bp ${sys.value}/${dia.value}`);
    }
    if ([set.hr, set.sbp, set.spo2, set.rr, set.tempC].some((v) => v !== undefined)) {
      out.sets.push(set);
    }
  }
  return out;
}
