import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors.ts';
import { GENESIS_HASH, canonicalEntry, chainInput } from './canonical.ts';
import { entry } from './test-fixtures.ts';

describe('canonicalEntry', () => {
  it('sorts keys recursively and drops undefined members', () => {
    expect(canonicalEntry({ b: 1, a: { d: [3, { z: true, y: null }], c: 'x' }, u: undefined })).toBe(
      '{"a":{"c":"x","d":[3,{"y":null,"z":true}]},"b":1}',
    );
  });

  it('writes numbers and strings as JSON does, without normalising', () => {
    expect(canonicalEntry({ n: 17.5, e: 1e21, z: -0, s: 'Café "ké"\n' })).toBe(
      '{"e":1e+21,"n":17.5,"s":"Café \\"ké\\"\\n","z":0}',
    );
    // NFC and NFD spellings of é stay distinct: a signature must not change what was signed.
    expect(canonicalEntry({ s: '\u00e9' })).not.toBe(canonicalEntry({ s: 'e\u0301' }));
  });

  it('is the same for a ledger entry whatever order its fields were set in', () => {
    const e = entry(7, 'waste', { infusionId: 'i1', quantityUg: 3_000, witnessId: 'w' });
    const reversed = Object.fromEntries(Object.entries(e).reverse());
    expect(canonicalEntry({ ...e })).toBe(canonicalEntry(reversed));
  });

  it.each([
    ['NaN', { n: Number.NaN }],
    ['Infinity', { n: [Infinity] }],
    ['a Date', { d: new Date(0) }],
    ['a Map', { m: new Map() }],
    [
      'a class instance',
      {
        x: new (class Point {
          x = 1;
        })(),
      },
    ],
    ['a bigint', { b: 1n }],
    ['a function', { f: () => 1 }],
    ['a symbol', { s: Symbol('x') }],
    ['undefined in an array', { a: [1, undefined] }],
  ])('refuses %s', (_, record) => {
    expect(() => canonicalEntry(record)).toThrow(DomainError);
  });

  it('refuses a value that contains itself, but not one shared twice', () => {
    const loop: Record<string, unknown> = {};
    loop.self = loop;
    expect(() => canonicalEntry(loop)).toThrow(DomainError);
    const shared = { x: 1 };
    expect(canonicalEntry({ a: shared, b: shared })).toBe('{"a":{"x":1},"b":{"x":1}}');
  });

  it('refuses a top level that is not a plain object', () => {
    expect(() => canonicalEntry([] as unknown as Record<string, unknown>)).toThrow(DomainError);
    expect(() => canonicalEntry(new Date() as unknown as Record<string, unknown>)).toThrow(DomainError);
    expect(canonicalEntry(Object.create(null) as Record<string, unknown>)).toBe('{}');
  });

  it('is valid JSON that parses back to the same value', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue()), (record) => {
        const text = canonicalEntry(record);
        expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(record)));
      }),
    );
  });
});

/** Plain JSON values with no undefined and no −0 (which JSON cannot tell from 0). */
const value = fc.jsonValue().map((v) => JSON.parse(JSON.stringify(v)) as unknown);
const record = fc.dictionary(fc.string(), value, { minKeys: 1 });

function shuffle<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  let s = seed;
  for (let i = out.length - 1; i > 0; i -= 1) {
    s = (s * 1_103_515_245 + 12_345) % 2_147_483_648;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

/** The same value with every object's keys in a different insertion order. */
function reorder(v: unknown, seed: number): unknown {
  if (Array.isArray(v)) {
    return v.map((item) => reorder(item, seed));
  }
  if (v !== null && typeof v === 'object') {
    const entries = Object.entries(v as Record<string, unknown>).map(([k, x]): [string, unknown] => [
      k,
      reorder(x, seed),
    ]);
    return Object.fromEntries(shuffle(entries, seed));
  }
  return v;
}

describe('hash chain input (properties)', () => {
  it('canonicalEntry does not depend on key order', () => {
    fc.assert(
      fc.property(record, fc.nat(), (r, seed) => {
        expect(canonicalEntry(reorder(r, seed) as Record<string, unknown>)).toBe(canonicalEntry(r));
      }),
    );
  });

  it('changing any field changes chainInput', () => {
    fc.assert(
      fc.property(record, fc.nat(), value, (r, pick, replacement) => {
        const keys = Object.keys(r);
        const key = keys[pick % keys.length] as string;
        fc.pre(JSON.stringify(r[key]) !== JSON.stringify(replacement));
        const changed = { ...r, [key]: replacement };
        expect(chainInput(GENESIS_HASH, changed)).not.toBe(chainInput(GENESIS_HASH, r));
      }),
    );
  });

  it('adding or removing a field changes chainInput', () => {
    fc.assert(
      fc.property(record, fc.nat(), (r, pick) => {
        const keys = Object.keys(r);
        const key = keys[pick % keys.length] as string;
        const { [key]: _, ...fewer } = r;
        expect(chainInput(GENESIS_HASH, fewer)).not.toBe(chainInput(GENESIS_HASH, r));
      }),
    );
  });

  it('changing the previous hash changes chainInput', () => {
    const hex = fc.stringMatching(/^[0-9a-f]{64}$/);
    fc.assert(
      fc.property(hex, hex, record, (a, b, r) => {
        fc.pre(a !== b);
        expect(chainInput(a, r)).not.toBe(chainInput(b, r));
      }),
    );
  });
});

describe('chainInput', () => {
  it('is the previous hash, a newline and the canonical entry', () => {
    expect(GENESIS_HASH).toBe('0'.repeat(64));
    expect(chainInput(GENESIS_HASH, { seq: 1, kind: 'receive' })).toBe(
      `${'0'.repeat(64)}\n{"kind":"receive","seq":1}`,
    );
  });

  it('refuses a previous hash that is not 64 lower-case hex digits', () => {
    for (const bad of ['', 'abc', 'A'.repeat(64), `${'0'.repeat(63)}g`, `${GENESIS_HASH}\n`]) {
      expect(() => chainInput(bad, {})).toThrow(DomainError);
    }
  });
});
