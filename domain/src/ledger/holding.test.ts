import { describe, expect, it } from 'vitest';
import { holdingOf, unreconciled } from './holding.ts';
import { emptyLedger } from './state.ts';
import { build, entry, vial } from './test-fixtures.ts';

describe('holdingOf and unreconciled', () => {
  it('are zero for an infusion that drew nothing', () => {
    expect(holdingOf(emptyLedger(), 'i1')).toEqual({
      drawnUg: 0,
      administeredUg: 0,
      wastedUg: 0,
      returnedUg: 0,
      heldUg: 0,
      netByContainer: {},
    });
    expect(unreconciled(emptyLedger(), 'i1')).toBe(0);
  });

  it('follow what is drawn until every µg is given, wasted or returned', () => {
    let state = build(
      [vial('v1')],
      [
        entry(1, 'receive', { containerId: 'v1', quantityUg: 500_000 }),
        entry(2, 'draw', { containerId: 'v1', infusionId: 'i1', quantityUg: 40_000 }),
        entry(3, 'administer', { infusionId: 'i1', quantityUg: 35_000 }),
      ],
    );
    expect(unreconciled(state, 'i1')).toBe(5_000);
    state = build(
      [vial('v1')],
      [
        ...Object.values(state.entries),
        entry(4, 'waste', { infusionId: 'i1', quantityUg: 3_000, witnessId: 'w' }),
        entry(5, 'return', { containerId: 'v1', infusionId: 'i1', quantityUg: 2_000 }),
      ],
    );
    expect(holdingOf(state, 'i1')).toEqual({
      drawnUg: 40_000,
      administeredUg: 35_000,
      wastedUg: 3_000,
      returnedUg: 2_000,
      heldUg: 0,
      netByContainer: { v1: 38_000 },
    });
    expect(unreconciled(state, 'i1')).toBe(0);
  });
});
