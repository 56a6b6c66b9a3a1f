/**
 * MLLP framing over a real socket (issue 3: "Framing must survive real TCP") and a listener that
 * survives bad input. Messages here match no patient: they are kept for review and acknowledged AA.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { frame } from '../src/hl7/framing.ts';
import type { MllpListener } from '../src/hl7/listener.ts';
import { backends, startClinic, type TestClinic } from './harness.ts';
import { geMessage, nistMessage } from './hl7-fixtures.ts';
import { TestMonitor, listenFor, msa } from './hl7-client.ts';

describe.each(backends)('MLLP listener (%s)', (backend) => {
  let t: TestClinic;
  let listener: MllpListener;
  let n = 0;
  const msg = (sep?: string): { id: string; text: string } => {
    const id = `F${++n}`;
    return {
      id,
      text: nistMessage({ controlId: id, at: '20261120145500+0000', vitals: { spo2: 97 }, separator: sep }),
    };
  };
  const connect = () => TestMonitor.connect(listener.port);

  beforeAll(async () => {
    t = await startClinic(backend);
    listener = await listenFor(t);
  });
  afterAll(async () => {
    await listener.close();
    await t.close();
  });

  it('answers several messages that arrive in one read, in order', async () => {
    const m = await connect();
    const batch = [msg(), msg(), msg()];
    await m.write(Buffer.concat(batch.map((b) => frame(b.text))));
    const acks = (await m.waitForAcks(3)).map(msa);
    expect(acks.map((a) => [a.code, a.controlId])).toEqual(batch.map((b) => ['CA', b.id]));
    m.close();
  });

  it('reassembles one message split across reads, and FS and CR in different reads', async () => {
    const m = await connect();
    const a = msg();
    const bytes = frame(a.text);
    const mid = Math.floor(bytes.length / 2);
    await m.write(bytes.subarray(0, 10));
    await m.write(bytes.subarray(10, mid));
    await m.write(bytes.subarray(mid, bytes.length - 1)); // ends with FS
    expect(m.acks).toHaveLength(0);
    await m.write(bytes.subarray(bytes.length - 1)); // the CR
    const b = msg();
    const second = frame(b.text);
    await m.write(second.subarray(0, second.length - 2));
    await m.write(second.subarray(second.length - 2, second.length - 1));
    await m.write(second.subarray(second.length - 1));
    expect((await m.waitForAcks(2)).map((x) => msa(x).controlId)).toEqual([a.id, b.id]);
    m.close();
  });

  it('accepts \\r, \\n and \\r\\n between segments, and a Cyrillic name split inside a UTF-8 character', async () => {
    const m = await connect();
    const sent = [msg('\r'), msg('\n'), msg('\r\n')];
    for (const s of sent) {
      await m.write(frame(s.text));
    }
    const ge = geMessage({ controlId: 'GE-CYR', at: '20261120145500', vitals: { hr: 70 } });
    const bytes = frame(ge);
    const cut = bytes.indexOf(Buffer.from('ЛЕ', 'utf8')) + 1; // inside the two bytes of Л
    await m.write(bytes.subarray(0, cut));
    await m.write(bytes.subarray(cut));
    const acks = (await m.waitForAcks(4)).map(msa);
    // NIST style (AL|NE) gets the enhanced-mode commit accept, GE (NE|AL) the application accept
    expect(acks.map((a) => a.code)).toEqual(['CA', 'CA', 'CA', 'AA']);
    const row = await t.database.db
      .selectFrom('device_messages')
      .select(['raw', 'status'])
      .where('control_id', '=', 'GE-CYR')
      .executeTakeFirstOrThrow();
    expect(row.raw).toContain('ЛЕБЕДЕВА^ОЛЬГА');
    expect(row.status).toBe('unmatched');
    m.close();
  });

  it('discards garbage before VT and keeps a long-lived connection going for many messages', async () => {
    const m = await connect();
    await m.write('garbage\r\n\x00\x1c\r');
    const ids: string[] = [];
    for (let i = 0; i < 40; i++) {
      const s = msg();
      ids.push(s.id);
      void m.socket.write(frame(s.text));
    }
    expect((await m.waitForAcks(40)).map((x) => msa(x).controlId)).toEqual(ids);
    m.close();
  });

  it('answers AR to malformed and unsupported messages, and keeps answering the next good one', async () => {
    const m = await connect();
    await m.write(frame('this is not HL7'));
    await m.write(frame('MSH|^~\\&|LAB^X^EUI-64||||20261120145500||ADT^A01|ADT1|P|2.6\r'));
    await m.write(
      frame('MSH|^~\\&|M^0800A1FFFE00E004^EUI-64||||20261120145500||ORU^R01|BADSEG|P|2.6\rpid lower\r'),
    );
    const good = msg();
    await m.write(frame(good.text));
    const acks = await m.waitForAcks(4);
    expect(acks.map(msa).map((a) => [a.code, a.controlId])).toEqual([
      ['AR', ''],
      ['AR', 'ADT1'],
      ['AR', 'BADSEG'],
      ['CA', good.id],
    ]);
    expect(acks[1]).toMatch(
      /\rERR\|\|\|200\^Unsupported message type\^HL70357\|E\|\|\|\|Unsupported message type ADT\\S\\A01/,
    );
    const rejected = await t.database.db
      .selectFrom('device_messages')
      .select(['control_id', 'reason'])
      .where('status', '=', 'rejected')
      .execute();
    expect(rejected.map((r) => r.control_id)).toEqual(expect.arrayContaining([null, 'ADT1', 'BADSEG']));
    m.close();
  });

  it('answers a flood of pipelined messages on one connection in order (paused past 256 unanswered, then resumed)', async () => {
    const m = await connect();
    const sent = Array.from({ length: 600 }, () => msg());
    await m.write(Buffer.concat(sent.map((s) => frame(s.text))));
    const acks = (await m.waitForAcks(600, 60_000)).map(msa);
    expect(acks.map((a) => a.controlId)).toEqual(sent.map((s) => s.id));
    expect(new Set(acks.map((a) => a.code))).toEqual(new Set(['CA']));
    m.close();
  });

  it('serves hundreds of monitors connected at once, each answered on its own connection', async () => {
    const monitors = await Promise.all(Array.from({ length: 300 }, connect));
    const sent = monitors.map(() => [msg(), msg()]);
    await Promise.all(
      monitors.map((m, i) => m.socket.write(Buffer.concat((sent[i] ?? []).map((s) => frame(s.text))))),
    );
    for (const [i, m] of monitors.entries()) {
      const acks = (await m.waitForAcks(2)).map(msa);
      expect(acks.map((a) => [a.code, a.controlId])).toEqual((sent[i] ?? []).map((s) => ['CA', s.id]));
      m.close();
    }
    const logged = await t.database.db
      .selectFrom('device_messages')
      .select((eb) => eb.fn.countAll().as('n'))
      .where(
        'control_id',
        'in',
        sent.flat().map((s) => s.id),
      )
      .executeTakeFirstOrThrow();
    expect(Number(logged.n)).toBe(600);
  });

  it('survives fuzzed bytes on many connections', async () => {
    let seed = 42;
    const rand = (): number => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed / 0x7fffffff;
    };
    const base = Buffer.from(msg().text);
    const monitors = await Promise.all(Array.from({ length: 5 }, connect));
    for (const [i, m] of monitors.entries()) {
      const chunks: Buffer[] = [];
      for (let k = 0; k < 6; k++) {
        const b = Buffer.from(base);
        for (let j = 0; j < 20; j++) {
          b[Math.floor(rand() * b.length)] = Math.floor(rand() * 256);
        }
        chunks.push(
          rand() < 0.5
            ? frame(b.toString('latin1'))
            : Buffer.concat([Buffer.from([0x0b]), b, Buffer.from([0x1c, 0x0d])]),
        );
      }
      chunks.push(
        Buffer.from(Array.from({ length: 300 }, () => Math.floor(rand() * 256)).filter((x) => x !== 0x0b)),
      );
      await m.write(Buffer.concat(chunks));
      await m.write(frame(msg().text.replace(/F\d+/, `FUZZ-OK-${i}`)));
    }
    for (const [i, m] of monitors.entries()) {
      await expect
        .poll(() => m.acks.map(msa).some((a) => a.controlId === `FUZZ-OK-${i}` && a.code === 'CA'), {
          timeout: 10_000,
        })
        .toBe(true);
      m.close();
    }
  });

  it('keeps a message whose device id holds a NUL byte (stored with U+FFFD)', async () => {
    const m = await connect();
    const text = nistMessage({
      controlId: 'NUL-DEV',
      at: '20261120145500+0000',
      device: 'BAD\u0000DEV',
      vitals: { spo2: 97 },
    });
    await m.write(frame(text));
    expect(msa((await m.waitForAcks(1))[0] ?? '')).toMatchObject({ code: 'CA', controlId: 'NUL-DEV' });
    const row = await t.database.db
      .selectFrom('device_messages')
      .select(['device_id', 'status'])
      .where('control_id', '=', 'NUL-DEV')
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ device_id: 'BAD\uFFFDDEV', status: 'unmatched' });
    m.close();
  });

  it('answers AR and closes the connection for a frame over 1 MiB, and still takes new connections', async () => {
    const m = await connect();
    await m.write(Buffer.concat([Buffer.from([0x0b]), Buffer.alloc((1 << 20) + 10, 'A')]));
    await expect.poll(() => m.closed, { timeout: 10_000 }).toBe(true);
    expect(m.acks.map(msa)).toEqual([{ code: 'AR', controlId: '', text: 'Message larger than 1 MiB' }]);
    const next = await connect();
    const good = msg();
    await next.write(frame(good.text));
    expect(msa((await next.waitForAcks(1))[0] ?? '')).toMatchObject({ code: 'CA', controlId: good.id });
    next.close();
  });
});
