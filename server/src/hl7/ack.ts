/**
 * Acknowledgements (HL7 v2 ch. 2; interop.md §1 "ACK conventions"): MSH with sender and receiver
 * swapped, `MSA|<code>|<MSH-10 of the message>|<text>`, and for errors an ERR segment (ERR-3 HL7 table
 * 0357 code, ERR-4 severity, ERR-8 readable reason). Every reply is sent only after the outcome is
 * committed, so even a commit accept (CA) means "stored".
 *
 * Modes, by MSH-15 (accept ack) and MSH-16 (application ack), per HL7 table 0155 and the ack matrix of
 * HL7 v2 (https://hl7.eu/refactored/msgPPG_PCG.html, "Immediate ACK" / "Application Ack"):
 * - both empty: original mode, one ACK with AA / AE / AR;
 * - otherwise enhanced mode: an accept ack with the commit codes CA / CE / CR (HL7 table 0008) when
 *   MSH-15 asks for it, and an application ack with AA / AE / AR when MSH-16 does. AL always, NE never,
 *   ER only on error, SU only on success. NIST-style gateways (`AL|NE`) get CA; GE VSP (`NE|AL`) gets
 *   AA; `AL|AL` gets CA then AA, both on the sender's connection.
 * An alarm report (PCD-04 `ORU^R40`) is answered `ORA^R41^ORA_R41` (MSH, MSA, ERR: the HL7 v2
 * ORA_R41 message structure, HL7/v2ig `ORA_R41.fsh`; interop.md §1 "PCD-04").
 */
import { escapeText } from './message.ts';
import type { MessageHeader } from './pcd01.ts';

export type AckCode = 'AA' | 'AE' | 'AR';
/** A reply's MSA-1: the application codes, or the enhanced-mode commit codes. */
export type ReplyCode = AckCode | 'CA' | 'CE' | 'CR';

const COMMIT: Record<AckCode, ReplyCode> = { AA: 'CA', AE: 'CE', AR: 'CR' };

export interface AckOutcome {
  code: AckCode;
  text: string;
  /** HL7 table 0357: 100 segment sequence, 101 required field missing, 102 data type, 200 unsupported
   *  message type, 203 unsupported version, 207 application internal error. */
  errorCode?: string;
  /** MSH-9 of the reply: `ACK^R01^ACK` unless given (PCD-04's ORU^R40 is answered `ORA^R41^ORA_R41`). */
  replyType?: string;
}

const wants = (mode: string, code: AckCode): boolean | undefined => {
  switch (mode) {
    case 'AL':
      return true;
    case 'NE':
      return false;
    case 'ER':
      return code !== 'AA';
    case 'SU':
      return code === 'AA';
    default:
      return undefined;
  }
};

/** The replies a message gets, in order (possibly none), for its outcome. */
export function replyCodes(
  header: Pick<MessageHeader, 'acceptAck' | 'appAck'> | undefined,
  code: AckCode,
): ReplyCode[] {
  const accept = header ? wants(header.acceptAck, code) : undefined;
  const app = header ? wants(header.appAck, code) : undefined;
  if (accept === undefined && app === undefined) {
    return [code];
  }
  return [...(accept ? [COMMIT[code]] : []), ...(app ? [code] : [])];
}

const ERROR_TEXT: Record<string, string> = {
  '100': 'Segment sequence error',
  '101': 'Required field missing',
  '102': 'Data type error',
  '200': 'Unsupported message type',
  '203': 'Unsupported version id',
  '207': 'Application internal error',
};

const stamp = (d: Date): string =>
  d
    .toISOString()
    .replace(/[-:T]/g, '')
    .replace(/\.(\d{3})Z$/, '.$1+0000');

let sequence = 0;

export function buildAck(
  header: MessageHeader | undefined,
  outcome: Omit<AckOutcome, 'code'> & { code: ReplyCode },
  now: Date,
): string {
  const h = header;
  const ackId = `ACK${now.getTime().toString(36)}${(sequence++ % 1_000_000).toString(36)}`;
  const segments = [
    [
      'MSH',
      '^~\\&',
      h?.receivingApp || 'OpenKAP',
      h?.receivingFacility ?? '',
      h?.sendingApp ?? '',
      h?.sendingFacility ?? '',
      stamp(now),
      '',
      outcome.replyType ?? 'ACK^R01^ACK',
      ackId,
      'P',
      h?.version || '2.6',
    ].join('|'),
    ['MSA', outcome.code, escapeText(h?.controlId ?? ''), escapeText(outcome.text)].join('|'),
  ];
  if (outcome.code !== 'AA' && outcome.code !== 'CA') {
    const rejected = outcome.code === 'AR' || outcome.code === 'CR';
    const code = outcome.errorCode ?? (rejected ? '100' : '207');
    segments.push(
      [
        'ERR',
        '',
        '',
        `${code}^${ERROR_TEXT[code] ?? 'Error'}^HL70357`,
        'E',
        '',
        '',
        '',
        escapeText(outcome.text),
      ].join('|'),
    );
  }
  return segments.join('\r') + '\r';
}
