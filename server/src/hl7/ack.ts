/**
 * Original-mode acknowledgements (HL7 v2 ch. 2; interop.md §1 "ACK conventions"): MSH with sender and
 * receiver swapped, `MSA|<code>|<MSH-10 of the message>|<text>`, and for AE/AR an ERR segment
 * (ERR-3 HL7 table 0357 code, ERR-4 severity, ERR-8 readable reason).
 *
 * One ACK per message, sent after the outcome is committed, with the original-mode codes AA/AE/AR.
 * Whether it is sent follows MSH-15/16 (AL always, NE never, ER only on error, SU only on success); a
 * message naming neither gets one (original mode). Sent when either field asks for it, so a sender
 * that wants only an accept ack (`AL|NE`, NIST style) and one that wants only an application ack
 * (`NE|AL`, GE VSP) are both answered. Enhanced-mode commit codes (CA/CE/CR) are not used.
 * An alarm report (PCD-04 `ORU^R40`) is answered `ORA^R41^ORA_R41` (MSH, MSA, ERR: the HL7 v2
 * ORA_R41 message structure, HL7/v2ig `ORA_R41.fsh`; interop.md §1 "PCD-04").
 */
import { escapeText } from './message.ts';
import type { MessageHeader } from './pcd01.ts';

export type AckCode = 'AA' | 'AE' | 'AR';

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

export function shouldAck(
  header: Pick<MessageHeader, 'acceptAck' | 'appAck'> | undefined,
  code: AckCode,
): boolean {
  if (!header) {
    return true;
  }
  const accept = wants(header.acceptAck, code);
  const app = wants(header.appAck, code);
  if (accept === undefined && app === undefined) {
    return true;
  }
  return accept === true || app === true;
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

export function buildAck(header: MessageHeader | undefined, outcome: AckOutcome, now: Date): string {
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
  if (outcome.code !== 'AA') {
    const code = outcome.errorCode ?? (outcome.code === 'AR' ? '100' : '207');
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
