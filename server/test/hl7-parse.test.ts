import { describe, expect, it } from 'vitest';
import { MllpDecoder, frame } from '../src/hl7/framing.ts';
import { parseHl7, unescape } from '../src/hl7/message.ts';
import { numericValue, parsePcd01 } from '../src/hl7/pcd01.ts';
import { readingsOf } from '../src/hl7/readings.ts';
import { parseHl7Time, toInstant } from '../src/hl7/time.ts';
import { buildAck, replyCodes } from '../src/hl7/ack.ts';
import { geMessage, mindrayMessage, nistMessage } from './hl7-fixtures.ts';

const iso = (v: string, tz?: string): string | undefined => {
  const t = parseHl7Time(v);
  return t ? toInstant(t, tz).toISOString() : undefined;
};

describe('HL7 v2 reading', () => {
  it('decodes escape sequences with the delimiters the message declares', () => {
    const d = parseHl7('MSH|^~\\&|A\r').delimiters;
    expect(unescape('Lead\\S\\II off \\F\\ check \\T\\ \\R\\ \\E\\.', d)).toBe('Lead^II off | check & ~ \\.');
    const m = parseHl7('MSH|^~\\&|A\rPID|||X\\F\\1^^^A^MR\r');
    expect(m.segments[1]?.get(3, 1)).toBe('X|1');
  });

  it('reads components exactly as splitting on repetition, component and subcomponent would', () => {
    let seed = 7;
    const rand = (n: number): number => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed % n;
    };
    const alphabet = ['a', 'b', '^', '~', '&', ''];
    for (let i = 0; i < 2000; i++) {
      const field = Array.from({ length: rand(12) }, () => alphabet[rand(alphabet.length)]).join('');
      const segment = parseHl7(`MSH|^~\\&|A\rOBX|${field}\r`).segments[1];
      for (let c = 1; c <= 4; c++) {
        const expected = ((field.split('~')[0] ?? '').split('^')[c - 1] ?? '').split('&')[0] ?? '';
        expect(segment?.get(1, c)).toBe(expected);
      }
    }
  });

  it('reads timestamps with and without offset, fractions and the 17-digit form', () => {
    expect(iso('20261120145500+0000')).toBe('2026-11-20T14:55:00.000Z');
    expect(iso('20261120085500-0600')).toBe('2026-11-20T14:55:00.000Z');
    expect(iso('20260912120000.0000+0530')).toBe('2026-09-12T06:30:00.000Z');
    expect(iso('20260124131539123+0800')).toBe('2026-01-24T05:15:39.123Z');
    expect(iso('202611201455')).toBe('2026-11-20T14:55:00.000Z');
    // No offset: the device's time zone (Chicago is UTC-6 in November), UTC without one.
    expect(iso('20261120085500', 'America/Chicago')).toBe('2026-11-20T14:55:00.000Z');
    expect(iso('20260701085500', 'America/Chicago')).toBe('2026-07-01T13:55:00.000Z');
    expect(iso('20261120145500', 'Not/AZone')).toBe('2026-11-20T14:55:00.000Z');
    expect(iso('20261320145500')).toBeUndefined();
    expect(iso('')).toBeUndefined();
    expect(iso('20261120')).toBeUndefined();
  });

  it('treats sentinels, empty and non-numeric values as no value', () => {
    for (const raw of ['-999', '-100', '-99.9', '8388607', '', 'NaN', 'nan', 'Infinity', '12a', '1e3']) {
      expect(numericValue(raw), raw).toBeUndefined();
    }
    expect(numericValue('97')).toBe(97);
    expect(numericValue(' 36.6 ')).toBe(36.6);
  });

  it('rejects what is not a readable ORU^R01', () => {
    expect(() => parsePcd01('PID|||1\r')).toThrow(/MSH/);
    expect(() => parsePcd01('MSH|^~\\&|A^B^EUI-64||||20261120||ADT^A01|1|P|2.6\r')).toThrow(/ADT\^A01/);
    expect(() => parsePcd01('MSH|^~\\&|A^B^EUI-64||||20261120||ORU^R01|1|P|2.2\r')).toThrow(/version/);
    expect(() => parsePcd01('MSH|^~\\&|A^B^EUI-64||||20261120||ORU^R01||P|2.6\r')).toThrow(/MSH-10/);
  });
});

describe('vendor styles → readings', () => {
  it('GE VSP: no offset (device time zone), Cyrillic name, °F temperature, ECG HR over pulse, EtCO2 not stored', () => {
    const r = parsePcd01(
      geMessage({
        controlId: 'G1',
        at: '20261120085500',
        mrn: 'MRN-1',
        vitals: { hr: 68, pulse: 66, spo2: 97, sbp: 128, dbp: 82, rr: 14, temp: '98.6', etco2: 35 },
      }),
    );
    expect(r.deviceId).toBe('0800A1FFFE00B001');
    expect(r.mrn).toBe('MRN-1');
    expect(r.header).toMatchObject({ controlId: 'G1', acceptAck: 'NE', appAck: 'AL', version: '2.6' });
    const out = readingsOf(r, 'America/Chicago');
    expect(out.sets).toEqual([
      {
        takenAt: new Date('2026-11-20T14:55:00Z'),
        hr: 68,
        spo2: 97,
        sbp: 128,
        dbp: 82,
        rr: 14,
        tempC: 37,
      },
    ]);
    expect(out.notStored).toBe(1);
    const pid = parseHl7(geMessage({ controlId: 'G1', at: '20261120085500', vitals: {} })).segments[1];
    expect(pid?.get(5, 1)).toBe('ЛЕБЕДЕВА');
  });

  it('NIST style: UCUM units, OBX-14 with offset, pulse as HR when there is no ECG HR, MAP not stored', () => {
    const r = parsePcd01(
      nistMessage({
        controlId: 'N1',
        at: '20261120085500-0600',
        vitals: { sbp: 182, dbp: 95, map: 124, pulse: 71, spo2: 98, rr: 12, temp: 36.8 },
        separator: '\n',
      }),
    );
    const out = readingsOf(r, undefined);
    expect(out.sets).toEqual([
      { takenAt: new Date('2026-11-20T14:55:00Z'), hr: 71, sbp: 182, dbp: 95, spo2: 98, rr: 12, tempC: 36.8 },
    ]);
    expect(out.notStored).toBe(1);
  });

  it('Mindray: OBX-1 empty/out of order, MDC code in OBX-4, sentinels kept as no value, implausible flagged', () => {
    const r = parsePcd01(
      mindrayMessage({
        controlId: '41',
        at: '20261120145500',
        vitals: { hr: -100, sbp: 135, dbp: 85, map: -999, spo2: -999, rr: 16, temp: '384.5' },
        separator: '\r\n',
      }),
    );
    expect(r.header.version).toBe('2.3.1');
    const out = readingsOf(r, null);
    expect(out.sets).toEqual([{ takenAt: new Date('2026-11-20T14:55:00Z'), sbp: 135, dbp: 85, rr: 16 }]);
    expect(out.noValue).toBe(3);
    expect(out.implausible).toEqual(['tempC 384.5']);
  });

  it('pairs systolic and diastolic by channel, never across channels', () => {
    const msg = [
      'MSH|^~\\&|M^0800A1FFFE00E004^EUI-64||||20261120145500+0000||ORU^R01|P1|P|2.6',
      'OBX|1|NM|150021^MDC_PRESS_BLD_NONINV_SYS^MDC|1.1.1.1|140|mmHg',
      'OBX|2|NM|150302^MDC_PRESS_CUFF_DIA^MDC|1.2.1.2|60|mmHg',
      'OBX|3|NM|150022^MDC_PRESS_BLD_NONINV_DIA^MDC|1.1.1.2|90|mmHg',
    ].join('\r');
    expect(readingsOf(parsePcd01(msg), null).sets[0]).toMatchObject({ sbp: 140, dbp: 90 });
  });
});

describe('OBX-3 code and REFID', () => {
  const message = (...obx: string[]) =>
    [
      'MSH|^~\\&|MON^0800A1FFFE00A0A0^EUI-64||||20261120145500+0000||ORU^R01|REF-1|P|2.6|||AL|NE',
      'PID|||K1001^^^^MR',
      'OBR|1|||182777000^monitoring of patient^SCT|||20261120145500+0000',
      ...obx,
    ].join('\r') + '\r';

  it('reads the vital from the REFID when the code is missing or not one we know', () => {
    const r = parsePcd01(
      message(
        'OBX|1|NM|^MDC_PULS_OXIM_SAT_O2^MDC|1.2.1.1|96|%',
        'OBX|2|NM|999999^MDC_ECG_HEART_RATE^MDC|1.1.1.1|71|/min',
        'OBX|3|NM|^MDC_SOMETHING_ELSE^MDC|1.1.1.2|5|',
      ),
    );
    expect(r.observations.map((o) => [o.code, o.measure, o.value])).toEqual([
      [150456, 'spo2', 96],
      [147842, 'hr', 71],
    ]);
    expect(r.ignored).toBe(1);
    expect(r.conflicts).toEqual([]);
  });

  it('leaves out a reading whose code and REFID name different vitals, and says so', () => {
    const r = parsePcd01(
      message(
        'OBX|1|NM|150456^MDC_ECG_HEART_RATE^MDC|1.2.1.1|72|%',
        // Same vital, another family or source: agreed.
        'OBX|2|NM|150021^MDC_PRESS_CUFF_SYS^MDC|1.3.1.1|128|mmHg',
        'OBX|3|NM|149530^MDC_PULS_RATE^MDC|1.2.1.2|70|/min',
        // A label we do not know does not overrule the code.
        'OBX|4|NM|151562^MDC_RESP_RATE_VENDOR^MDC|1.4.1.1|14|/min',
      ),
    );
    expect(r.conflicts).toEqual(['150456 labelled MDC_ECG_HEART_RATE']);
    expect(r.observations.map((o) => o.measure)).toEqual(['sbp', 'pulse', 'rr']);
  });
});

describe('ACKs', () => {
  const header = parsePcd01(
    nistMessage({ controlId: 'C|1', at: '20261120145500+0000', vitals: { spo2: 97 } }).replace(
      'C|1',
      'C\\F\\1',
    ),
  ).header;

  it('swaps sender and receiver and echoes the control id in MSA-2', () => {
    const ack = buildAck(
      header,
      { code: 'AE', text: 'Too late | try again' },
      new Date('2026-11-20T15:00:00Z'),
    );
    const [msh, msaLine, err] = ack.split('\r');
    expect(msh).toMatch(
      /^MSH\|\^~\\&\|OpenKAP\|\|TEST_Gateway\^0800A1FFFE00C002\^EUI-64\|Test Healthcare\|20261120150000/,
    );
    expect(msaLine).toBe('MSA|AE|C\\F\\1|Too late \\F\\ try again');
    expect(err).toMatch(/^ERR\|\|\|207\^Application internal error\^HL70357\|E\|/);
  });

  it('follows MSH-15/16: original mode when both are empty, else commit and/or application acks', () => {
    const h = (acceptAck: string, appAck: string) => ({ acceptAck, appAck });
    expect(replyCodes(h('', ''), 'AA')).toEqual(['AA']);
    expect(replyCodes(h('', ''), 'AR')).toEqual(['AR']);
    expect(replyCodes(undefined, 'AR')).toEqual(['AR']);
    // NIST-style gateway: accept ack only, in enhanced mode's commit codes
    expect(replyCodes(h('AL', 'NE'), 'AA')).toEqual(['CA']);
    expect(replyCodes(h('AL', 'NE'), 'AE')).toEqual(['CE']);
    expect(replyCodes(h('AL', 'NE'), 'AR')).toEqual(['CR']);
    // GE VSP: application ack only
    expect(replyCodes(h('NE', 'AL'), 'AA')).toEqual(['AA']);
    expect(replyCodes(h('AL', 'AL'), 'AA')).toEqual(['CA', 'AA']);
    expect(replyCodes(h('AL', 'ER'), 'AE')).toEqual(['CE', 'AE']);
    expect(replyCodes(h('NE', 'NE'), 'AE')).toEqual([]);
    expect(replyCodes(h('NE', 'ER'), 'AA')).toEqual([]);
    expect(replyCodes(h('NE', 'ER'), 'AE')).toEqual(['AE']);
    expect(replyCodes(h('SU', 'NE'), 'AR')).toEqual([]);
    expect(replyCodes(h('', 'SU'), 'AR')).toEqual([]);
  });

  it('gives commit errors an ERR segment too', () => {
    const ack = buildAck(undefined, { code: 'CR', text: 'Unreadable', errorCode: '100' }, new Date(0));
    expect(ack.split('\r')[1]).toBe('MSA|CR||Unreadable');
    expect(ack.split('\r')[2]).toMatch(/^ERR\|\|\|100\^Segment sequence error/);
    expect(buildAck(undefined, { code: 'CA', text: 'Stored' }, new Date(0))).not.toContain('ERR');
  });
});

describe('MLLP decoder', () => {
  it('keeps frames apart whatever the chunking, and drops garbage before VT', () => {
    const bytes = Buffer.concat([Buffer.from('noise\r\n'), frame('A1'), frame('B2'), frame('C3')]);
    for (let size = 1; size <= bytes.length; size++) {
      const d = new MllpDecoder();
      const got: string[] = [];
      for (let i = 0; i < bytes.length; i += size) {
        got.push(...d.push(bytes.subarray(i, i + size)).map((b) => b.toString()));
      }
      expect(got, `chunks of ${size}`).toEqual(['A1', 'B2', 'C3']);
    }
  });

  it('overflows on a frame above the cap', () => {
    const d = new MllpDecoder(100);
    expect(
      d.push(Buffer.concat([frame('ok'), Buffer.from([0x0b]), Buffer.alloc(200, 65)])).map(String),
    ).toEqual(['ok']);
    expect(d.overflowed).toBe(true);
  });
});
