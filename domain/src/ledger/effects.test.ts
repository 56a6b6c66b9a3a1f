import { describe, expect, it } from 'vitest';
import { effectOf } from './effects.ts';
import { emptyLedger } from './state.ts';
import { build, entry, vial } from './test-fixtures.ts';
import type { EntryKind, LedgerEntry } from './types.ts';

const empty = emptyLedger();

describe('effectOf', () => {
  const cases: [EntryKind, Partial<LedgerEntry>, number, number][] = [
    ['receive', { containerId: 'v1', quantityUg: 500_000 }, 500_000, 0],
    ['draw', { containerId: 'v1', infusionId: 'i1', quantityUg: 35_000 }, -35_000, 35_000],
    ['administer', { infusionId: 'i1', quantityUg: 30_000 }, 0, -30_000],
    ['waste', { infusionId: 'i1', quantityUg: 3_000, witnessId: 'w' }, 0, -3_000],
    ['return', { containerId: 'v1', infusionId: 'i1', quantityUg: 2_000 }, 2_000, -2_000],
    ['transfer', { containerId: 'v1', quantityUg: 498_000, toLocationId: 'annex' }, 0, 0],
    ['dispose', { containerId: 'v1', quantityUg: 100_000 }, -100_000, 0],
    ['loss', { containerId: 'v1', quantityUg: 1_000 }, -1_000, 0],
    ['adjust', { containerId: 'v1', quantityUg: 250 }, 250, 0],
    ['adjust', { containerId: 'v1', quantityUg: -250 }, -250, 0],
    ['count', { containerId: 'v1', quantityUg: 400_000 }, 0, 0],
  ];

  it.each(cases)(
    '%s moves the container and the drawn amount as the ledger defines',
    (kind, fields, c, d) => {
      expect(effectOf(entry(1, kind, fields), empty)).toEqual({ containerDeltaUg: c, drawnDeltaUg: d });
    },
  );

  it.each(cases.filter(([kind]) => kind !== 'count'))(
    'a correction of %s is its exact negation',
    (kind, fields, c, d) => {
      const original = entry(1, kind, fields);
      const state = { ...empty, entries: { 1: original } };
      const correction = entry(2, 'correction', {
        containerId: original.containerId,
        infusionId: original.infusionId,
        quantityUg: original.quantityUg,
        refersToSeq: 1,
        reason: 'wrong entry',
      });
      // toEqual tells 0 from −0: a reversed zero must be a plain zero.
      expect(effectOf(correction, state)).toEqual({ containerDeltaUg: 0 - c, drawnDeltaUg: 0 - d });
    },
  );

  it('a correction of an entry that is not loaded, a count or a correction moves nothing', () => {
    const count = entry(1, 'count', { containerId: 'v1', quantityUg: 5, witnessId: 'w' });
    const state = { ...empty, entries: { 1: count } };
    const zero = { containerDeltaUg: 0, drawnDeltaUg: 0 };
    expect(effectOf(entry(2, 'correction', { refersToSeq: 9 }), state)).toEqual(zero);
    expect(effectOf(entry(2, 'correction', { refersToSeq: null }), state)).toEqual(zero);
    expect(effectOf(entry(2, 'correction', { refersToSeq: 1 }), state)).toEqual(zero);
  });

  it('reads the corrected entry from the state the server loaded', () => {
    const state = build(
      [vial('v1')],
      [
        entry(1, 'receive', { containerId: 'v1', quantityUg: 500_000 }),
        entry(2, 'draw', { containerId: 'v1', infusionId: 'i1', quantityUg: 40_000 }),
      ],
    );
    const correction = entry(3, 'correction', {
      containerId: 'v1',
      infusionId: 'i1',
      quantityUg: 40_000,
      refersToSeq: 2,
      reason: 'drawn from the wrong vial',
    });
    expect(effectOf(correction, state)).toEqual({ containerDeltaUg: 40_000, drawnDeltaUg: -40_000 });
  });
});
