/**
 * Bedside-monitor messages as three vendors send them (IHE PCD-01 `ORU^R01`; layouts from
 * ../shared/reference/interop.md §2): GE VSP (MDC units, no time offset, `NE|AL`), a NIST-style
 * gateway (UCUM units, OBX-14 with offset, `AL|NE`), and Mindray (2.3.1, free-text units, a
 * sentinel for a probe that is off). Used by the MLLP simulator and the ingest benchmark.
 */
export type Style = 'ge' | 'nist' | 'mindray';
export const styles: Style[] = ['ge', 'nist', 'mindray'];

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

/** HL7 DTM in UTC; `millis` adds the fraction (real gateways send them, and they keep readings apart). */
export function hl7Time(d: Date, offset: boolean, millis = false): string {
  const s = `${d.getUTCFullYear()}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}${pad(d.getUTCSeconds())}${millis ? `.${pad(d.getUTCMilliseconds(), 3)}` : ''}`;
  return offset ? `${s}+0000` : s;
}

export interface Reading {
  hr: number;
  sbp: number;
  dbp: number;
  spo2: number;
  rr: number;
  temp: number;
}

/** A plausible reading; with `bpRise` systolic climbs from ~125 to ~190 as progress goes 0 → 1. */
export function reading(progress: number, jitter: () => number, bpRise = false): Reading {
  const sbp = bpRise ? 125 + 65 * progress : 128;
  return {
    hr: Math.round(78 + 10 * progress + jitter() * 4),
    sbp: Math.round(sbp + jitter() * 4),
    dbp: Math.round(sbp * 0.62 + jitter() * 3),
    spo2: Math.round(Math.min(100, 97 + jitter())),
    rr: Math.round(14 + jitter()),
    temp: Math.round((36.8 + jitter() * 0.1) * 10) / 10,
  };
}

/** A deterministic jitter in [-1, 1) per monitor (Park–Miller). */
export function jitterFor(seedFrom: number): () => number {
  let seed = seedFrom + 1;
  return () => {
    seed = (seed * 16807) % 2147483647;
    return (seed / 2147483647) * 2 - 1;
  };
}

export interface MonitorMessage {
  style: Style;
  device: string;
  controlId: string;
  mrn: string;
  bed: string;
  at: Date;
  reading: Reading;
  /** Fractional seconds in the timestamps. */
  millis?: boolean;
}

export function monitorMessage(m: MonitorMessage): string {
  const { style, device, mrn, bed, at } = m;
  const id = m.controlId;
  const r = m.reading;
  const seg: string[] = [];
  if (style === 'ge') {
    const t = hl7Time(at, false, m.millis);
    seg.push(
      `MSH|^~\\&|VSP^${device}^EUI-64|GE Healthcare|||${t}||ORU^R01^ORU_R01|${id}|P|2.6|||NE|AL||UNICODE UTF-8|||PCD_DEC_001^IHE PCD^1.3.6.1.4.1.19376.1.6.1.1.1^ISO`,
      `PID|||${mrn}^^^PID^MR||СИМУЛЯТОР^ТЕСТ^^^^^L|||`,
      `PV1||E|X^^${bed}`,
      `OBR|1|${device}${t}^VSP^${device}^EUI-64|${device}${t}^VSP^${device}^EUI-64|182777000^monitoring of patient^SCT|||${t}`,
      'OBX|1||69965^MDC_DEV_MON_PHYSIO_MULTI_PARAM_MDS^MDC|1.0.0.0|||||||X',
      `OBX|2|NM|147842^MDC_ECG_HEART_RATE^MDC|1.5.1.1|${r.hr}|264864^MDC_DIM_BEAT_PER_MIN^MDC|||||R|||||||${device}^B40_GE`,
      `OBX|3|NM|150456^MDC_PULS_OXIM_SAT_O2^MDC|1.22.1.2|${r.spo2}|262688^MDC_DIM_PERCENT^MDC|||||R|||||||${device}^B40_GE`,
      `OBX|4|NM|150021^MDC_PRESS_BLD_NONINV_SYS^MDC|1.3.1.1|${r.sbp}|266016^MDC_DIM_MMHG^MDC|||||R|||||||${device}^B40_GE`,
      `OBX|5|NM|150022^MDC_PRESS_BLD_NONINV_DIA^MDC|1.3.1.2|${r.dbp}|266016^MDC_DIM_MMHG^MDC|||||R|||||||${device}^B40_GE`,
      `OBX|6|NM|151562^MDC_RESP_RATE^MDC|1.7.1.1|${r.rr}|264928^MDC_DIM_RESP_PER_MIN^MDC|||||R|||||||${device}^B40_GE`,
    );
  } else if (style === 'nist') {
    const t = hl7Time(at, true, m.millis);
    const obx = (n: number, code: string, sub: string, v: number, unit: string): string =>
      `OBX|${n}|NM|${code}|${sub}|${v}|${unit}^${unit}^UCUM|||||R|||${t}||||${device}^SIMULATOR`;
    seg.push(
      `MSH|^~\\&|SIM_Gateway^${device}^EUI-64|Simulator|||${t}||ORU^R01^ORU_R01|${id}|P|2.6|||AL|NE||UNICODE UTF-8|||PCD_DEC_001^IHE PCD^1.3.6.1.4.1.19376.1.6.1.1.1^ISO`,
      `PID|||${mrn}^^^SIM^PI||Simulator^Test^^^^^L|||`,
      `PV1||I|Infusion^Bay^${bed}|`,
      `OBR|1|${device}^SIM_Gateway^${device}^EUI-64|${device}^SIM_Gateway^${device}^EUI-64|182777000^monitoring of patient^SCT|||${t}`,
      'OBX|1||69965^MDC_DEV_MON_PHYSIO_MULTI_PARAM_MDS^MDC|1.0.0.0|||||||X',
      obx(2, '150021^MDC_PRESS_BLD_NONINV_SYS^MDC', '1.1.1.1', r.sbp, 'mm[Hg]'),
      obx(3, '150022^MDC_PRESS_BLD_NONINV_DIA^MDC', '1.1.1.2', r.dbp, 'mm[Hg]'),
      obx(4, '149546^MDC_PULS_RATE_NON_INV^MDC', '1.1.1.4', r.hr, '{beat}/min'),
      obx(5, '150456^MDC_PULS_OXIM_SAT_O2^MDC', '1.2.1.1', r.spo2, '%'),
      obx(6, '150364^MDC_TEMP_BODY^MDC', '1.5.1.1', r.temp, 'Cel'),
    );
  } else {
    const t = hl7Time(at, false, m.millis);
    const obx = (code: string, sub: string, v: number | string, unit: string): string =>
      `OBX||NM|${code}|${sub}|${v}|${unit}||||||||${t}`;
    seg.push(
      `MSH|^~\\&|MONITOR^${device}^EUI-64||||${t}||ORU^R01|${id}|P|2.3.1|||AL|NE||UNICODE UTF-8`,
      `PID|||${mrn}^^^^PI||^^^^^^L|||||`,
      `PV1||I|^^${bed}^`,
      `OBR|1|${id}^MONITOR^${device}^EUI-64|${id}^MONITOR^${device}^EUI-64|182777000^monitoring of patient^SCT|||${t}`,
      obx('147842^MDC_ECG_HEART_RATE^MDC', '1.7.4.147842', r.hr, '264864^MDC_DIM_BEAT_PER_MIN^MDC'),
      obx('150301^MDC_PRESS_CUFF_SYS^MDC', '1.1.9.150301', r.sbp, 'mmHg'),
      obx('150302^MDC_PRESS_CUFF_DIA^MDC', '1.1.9.150302', r.dbp, 'mmHg'),
      obx('150456^MDC_PULS_OXIM_SAT_O2^MDC', '1.3.1.150456', r.spo2, '%'),
      obx('150344^MDC_TEMP^MDC', '1.13.1.150344', '-99.9', '268192^MDC_DIM_DEGC^MDC'), // probe off: sentinel
    );
  }
  return seg.join('\r') + '\r';
}
