/**
 * Our own PCD-01 test messages in the styles of three vendors (layouts from interop.md §2 samples A–C;
 * values, ids and names made up here).
 */
export interface Vitals {
  hr?: number | string;
  pulse?: number | string;
  sbp?: number | string;
  dbp?: number | string;
  map?: number | string;
  spo2?: number | string;
  rr?: number | string;
  temp?: number | string;
  etco2?: number | string;
}

export interface FixtureOptions {
  controlId: string;
  /** HL7 timestamp, e.g. 20261120145500 or 20261120085500-0600 */
  at: string;
  mrn?: string;
  bed?: string;
  device?: string;
  name?: string;
  vitals: Vitals;
  separator?: string;
}

const join = (segments: string[], sep = '\r'): string => segments.join(sep) + sep;

/** GE CARESCAPE via VSP: EUI-64 in MSH-3, MSH-7/OBR-7 without offset, OBX-14 empty, `NE|AL`, MDC units. */
export function geMessage(o: FixtureOptions): string {
  const dev = o.device ?? '0800A1FFFE00B001';
  const v = o.vitals;
  const obx: string[] = ['OBX|1||69965^MDC_DEV_MON_PHYSIO_MULTI_PARAM_MDS^MDC|1.0.0.0|||||||X'];
  const metric = (code: string, sub: string, value: number | string | undefined, unit: string): void => {
    if (value !== undefined) {
      obx.push(`OBX|${obx.length + 1}|NM|${code}|${sub}|${value}|${unit}|||||R|||||||${dev}^B40_GE`);
    }
  };
  metric('147842^MDC_ECG_HEART_RATE^MDC', '1.5.1.1', v.hr, '264864^MDC_DIM_BEAT_PER_MIN^MDC');
  metric('151712^MDC_CONC_AWAY_CO2_EXP^MDC', '1.11.1.1', v.etco2, '266016^MDC_DIM_MMHG^MDC');
  metric('149530^MDC_PULS_OXIM_PULS_RATE^MDC', '1.22.1.1', v.pulse, '264864^MDC_DIM_BEAT_PER_MIN^MDC');
  metric('150456^MDC_PULS_OXIM_SAT_O2^MDC', '1.22.1.2', v.spo2, '262688^MDC_DIM_PERCENT^MDC');
  metric('150021^MDC_PRESS_BLD_NONINV_SYS^MDC', '1.3.1.1', v.sbp, '266016^MDC_DIM_MMHG^MDC');
  metric('150022^MDC_PRESS_BLD_NONINV_DIA^MDC', '1.3.1.2', v.dbp, '266016^MDC_DIM_MMHG^MDC');
  metric('151562^MDC_RESP_RATE^MDC', '1.7.1.1', v.rr, '264928^MDC_DIM_RESP_PER_MIN^MDC');
  metric('150344^MDC_TEMP^MDC', '1.9.1.1', v.temp, '268160^MDC_DIM_FAHR^MDC');
  return join(
    [
      `MSH|^~\\&|VSP^${dev}^EUI-64|GE Healthcare|||${o.at}||ORU^R01^ORU_R01|${o.controlId}|P|2.6|||NE|AL||UNICODE UTF-8|||PCD_DEC_001^IHE PCD^1.3.6.1.4.1.19376.1.6.1.1.1^ISO`,
      `PID|||${o.mrn ?? ''}^^^PID^MR||${o.name ?? 'ЛЕБЕДЕВА^ОЛЬГА^^^^^L'}||19700101000000|`,
      `PV1||E|X^^${o.bed ?? ''}`,
      `OBR|1|${dev}${o.at}^VSP^${dev}^EUI-64|${dev}${o.at}^VSP^${dev}^EUI-64|182777000^monitoring of patient^SCT|||${o.at}`,
      ...obx,
    ],
    o.separator,
  );
}

/** NIST-style gateway: UCUM units, OBX-14 and OBX-18 on every metric, `AL|NE`, offsets everywhere. */
export function nistMessage(o: FixtureOptions): string {
  const dev = o.device ?? '0800A1FFFE00C002';
  const v = o.vitals;
  const obx: string[] = [
    'OBX|1||69965^MDC_DEV_MON_PHYSIO_MULTI_PARAM_MDS^MDC|1.0.0.0|||||||X',
    'OBX|2||70686^MDC_DEV_PRESS_BLD_NONINV_VMD^MDC|1.1.0.0|||||||X',
  ];
  const metric = (code: string, sub: string, value: number | string | undefined, unit: string): void => {
    if (value !== undefined) {
      obx.push(
        `OBX|${obx.length + 1}|NM|${code}|${sub}|${value}|${unit}^${unit}^UCUM|||||R|||${o.at}||||${dev}10.0.0.7^GATEWAY_TEST`,
      );
    }
  };
  metric('150021^MDC_PRESS_BLD_NONINV_SYS^MDC', '1.1.1.1', v.sbp, 'mm[Hg]');
  metric('150022^MDC_PRESS_BLD_NONINV_DIA^MDC', '1.1.1.2', v.dbp, 'mm[Hg]');
  metric('150023^MDC_PRESS_BLD_NONINV_MEAN^MDC', '1.1.1.3', v.map, 'mm[Hg]');
  metric('149546^MDC_PULS_RATE_NON_INV^MDC', '1.1.1.4', v.pulse, '{beat}/min');
  metric('150456^MDC_PULS_OXIM_SAT_O2^MDC', '1.2.1.1', v.spo2, '%');
  metric('151578^MDC_TTHOR_RESP_RATE^MDC', '1.4.1.1', v.rr, '{breath}/min');
  metric('150364^MDC_TEMP_BODY^MDC', '1.5.1.1', v.temp, 'Cel');
  return join(
    [
      `MSH|^~\\&|TEST_Gateway^${dev}^EUI-64|Test Healthcare|||${o.at}||ORU^R01^ORU_R01|${o.controlId}|P|2.6|||AL|NE||UNICODE UTF-8|||PCD_DEC_001^IHE PCD^1.3.6.1.4.1.19376.1.6.1.1.1^ISO`,
      `PID|||${o.mrn ?? ''}^^^TEST^PI||${o.name ?? 'Rivera^Ana^^^^^L'}||19800202|F`,
      `PV1||I|Infusion^Bay^${o.bed ?? ''}|`,
      `OBR|1|${dev}^TEST_Gateway^${dev}^EUI-64|${dev}^TEST_Gateway^${dev}^EUI-64|182777000^monitoring of patient^SCT|||${o.at}`,
      ...obx,
    ],
    o.separator,
  );
}

/** Mindray: HL7 2.3.1, MDC code in OBX-4, OBX-1 empty or out of order, free-text or coded units, sentinels. */
export function mindrayMessage(o: FixtureOptions): string {
  const dev = o.device ?? '00A037009B00D003';
  const v = o.vitals;
  const obx: string[] = [];
  const ids = ['9', '', '3', '1', '', '7', '2', '5'];
  const metric = (code: string, sub: string, value: number | string | undefined, unit: string): void => {
    if (value !== undefined) {
      obx.push(`OBX|${ids[obx.length % ids.length]}|NM|${code}|${sub}|${value}|${unit}||||||||${o.at}`);
    }
  };
  metric('147842^MDC_ECG_HEART_RATE^MDC', '1.7.4.147842', v.hr, '^MDC_DIM_BEAT_PER_MIN');
  metric('150301^MDC_PRESS_CUFF_SYS^MDC', '1.1.9.150301', v.sbp, 'mmHg');
  metric('150302^MDC_PRESS_CUFF_DIA^MDC', '1.1.9.150302', v.dbp, 'mmHg');
  metric('150303^MDC_PRESS_CUFF_MEAN^MDC', '1.1.9.150303', v.map, 'mmHg');
  metric('150456^MDC_PULS_OXIM_SAT_O2^MDC', '1.3.1.150456', v.spo2, '%');
  metric('151562^MDC_RESP_RATE^MDC', '1.8.1.151562', v.rr, '');
  metric('150344^MDC_TEMP^MDC', '1.13.1.150344', v.temp, '268192^MDC_DIM_DEGC^MDC');
  return join(
    [
      `MSH|^~\\&|MONITOR^${dev}^EUI-64||||${o.at}||ORU^R01|${o.controlId}|P|2.3.1|||AL|NE||UNICODE UTF-8`,
      `PID|||${o.mrn ?? ''}^^^^PI||${o.name ?? '^^^^^^L'}|||||`,
      `PV1||I|^^${o.bed ?? ''}^`,
      `OBR|1|${o.controlId}^MONITOR^${dev}^EUI-64|${o.controlId}^MONITOR^${dev}^EUI-64|182777000^monitoring of patient^SCT|||${o.at}`,
      ...obx,
    ],
    o.separator,
  );
}
