import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors.ts';
import { accountability } from './audit.ts';
import { at, build, entry, vial } from './test-fixtures.ts';
import type { EntryKind, LedgerEntry } from './types.ts';

const containers = [
  vial('v1'),
  vial('v2'),
  vial('v3'),
  vial('w1', { locationId: 'annex' }),
  vial('p1', { productId: 'ket100', mgPerMl: 100, capacityUg: 1_000_000 }),
];

type Step = [minute: number, kind: EntryKind, fields: Partial<LedgerEntry>];

/** Numbers the steps in order (seq follows time) and checks that every one would be admitted. */
function ledger(steps: readonly Step[]): LedgerEntry[] {
  const entries = steps.map(([minute, kind, fields], i) =>
    entry(i + 1, kind, { occurredAt: at(minute), ...fields }),
  );
  build(containers, entries);
  return entries;
}

const before: Step[] = [
  [1, 'receive', { containerId: 'v1', quantityUg: 500_000 }],
  [2, 'receive', { containerId: 'v2', quantityUg: 500_000 }],
  [3, 'draw', { containerId: 'v1', infusionId: 'i0', quantityUg: 50_000 }],
  [4, 'administer', { infusionId: 'i0', quantityUg: 50_000 }],
  [5, 'receive', { containerId: 'w1', quantityUg: 500_000 }],
  [6, 'receive', { containerId: 'p1', quantityUg: 1_000_000 }],
];

const during: Step[] = [
  [110, 'receive', { containerId: 'v3', quantityUg: 500_000 }],
  [120, 'draw', { containerId: 'v1', infusionId: 'i1', quantityUg: 40_000 }],
  [121, 'administer', { infusionId: 'i1', quantityUg: 30_000 }],
  [122, 'waste', { infusionId: 'i1', quantityUg: 5_000, witnessId: 'w' }],
  [123, 'return', { containerId: 'v1', infusionId: 'i1', quantityUg: 5_000 }],
  [130, 'transfer', { containerId: 'v2', quantityUg: 500_000, toLocationId: 'annex' }],
  [131, 'transfer', { containerId: 'w1', quantityUg: 500_000, toLocationId: 'main' }],
  [140, 'loss', { containerId: 'v1', quantityUg: 1_000, reason: 'vial cracked' }],
  [150, 'dispose', { containerId: 'v3', quantityUg: 100_000, witnessId: 'w', reason: 'contaminated' }],
  [160, 'adjust', { containerId: 'v1', quantityUg: -500, reason: 'count short' }],
  [170, 'draw', { containerId: 'v1', infusionId: 'i2', quantityUg: 20_000 }],
  [174, 'adjust', { containerId: 'v1', quantityUg: 1_000, reason: 'typo' }],
  // Reverses the adjustment just above (seq 18): neither counts.
  [175, 'correction', { containerId: 'v1', quantityUg: 1_000, refersToSeq: 18, reason: 'keyed 1 mg, not 0' }],
  [180, 'draw', { containerId: 'p1', infusionId: 'i3', quantityUg: 100_000 }],
  [181, 'administer', { infusionId: 'i3', quantityUg: 100_000 }],
];

const after: Step[] = [[300, 'administer', { infusionId: 'i2', quantityUg: 20_000 }]];

const period = { containers, locationId: 'main', productId: 'ket50', from: at(100), to: at(200) };

describe('accountability', () => {
  const entries = ledger([...before, ...during, ...after]);

  it('adds up a period: opening + received + in − out − used − lost ± adjusted = closing', () => {
    expect(accountability({ ...period, entries })).toEqual({
      // v1 450 mg + v2 500 mg.
      openingUg: 950_000,
      receivedUg: 500_000,
      transferredInUg: 500_000,
      transferredOutUg: 500_000,
      administeredUg: 30_000,
      wastedUg: 5_000,
      disposedUg: 100_000,
      lostUg: 1_000,
      adjustedUg: -500,
      // v1 393.5 + v3 400 + w1 500 + 20 mg drawn for i2 and still held.
      expectedClosingUg: 1_313_500,
      closingUg: 1_313_500,
      countedClosingUg: null,
      differenceUg: null,
      unexplained: false,
    });
  });

  it('keeps each location and product apart', () => {
    const annex = accountability({ ...period, entries, locationId: 'annex' });
    expect(annex).toMatchObject({
      openingUg: 500_000,
      transferredInUg: 500_000,
      transferredOutUg: 500_000,
      closingUg: 500_000,
      expectedClosingUg: 500_000,
    });
    const strong = accountability({ ...period, entries, productId: 'ket100' });
    expect(strong).toMatchObject({ openingUg: 1_000_000, administeredUg: 100_000, closingUg: 900_000 });
  });

  it('compares with an inventory the caller counted', () => {
    const short = accountability({ ...period, entries, inventoryAtEnd: 1_312_500 });
    expect(short).toMatchObject({ countedClosingUg: 1_312_500, differenceUg: -1_000, unexplained: true });
    const even = accountability({ ...period, entries, inventoryAtEnd: 1_313_500 });
    expect(even).toMatchObject({ differenceUg: 0, unexplained: false });
    expect(() => accountability({ ...period, entries, inventoryAtEnd: -1 })).toThrow(DomainError);
  });

  describe('counted closing from the count entries', () => {
    const counts: Step[] = [
      [190, 'count', { containerId: 'v1', quantityUg: 393_500, witnessId: 'w' }],
      [191, 'count', { containerId: 'v3', quantityUg: 400_000, witnessId: 'w' }],
      [192, 'count', { containerId: 'w1', quantityUg: 499_000, witnessId: 'w' }],
    ];

    it('sums the last counts and what is still drawn, and shows a shortfall', () => {
      const result = accountability({ ...period, entries: ledger([...before, ...during, ...counts]) });
      expect(result).toMatchObject({ countedClosingUg: 1_312_500, differenceUg: -1_000, unexplained: true });
    });

    it('is explained by an adjustment recorded after the count', () => {
      const adjusted: Step[] = [
        ...counts,
        [193, 'adjust', { containerId: 'w1', quantityUg: -1_000, reason: 'short at count', refersToSeq: 24 }],
      ];
      const result = accountability({ ...period, entries: ledger([...before, ...during, ...adjusted]) });
      expect(result).toMatchObject({
        adjustedUg: -1_500,
        expectedClosingUg: 1_312_500,
        countedClosingUg: 1_312_500,
        differenceUg: 0,
        unexplained: false,
      });
    });

    it('is unknown while a container holding drug was not counted', () => {
      const result = accountability({
        ...period,
        entries: ledger([...before, ...during, ...counts.slice(0, 2)]),
      });
      expect(result.countedClosingUg).toBeNull();
    });

    it('is unknown when the vial moved after its count', () => {
      const stale: Step[] = [
        ...counts,
        [195, 'draw', { containerId: 'v1', infusionId: 'i4', quantityUg: 1_000 }],
      ];
      const result = accountability({ ...period, entries: ledger([...before, ...during, ...stale]) });
      expect(result.countedClosingUg).toBeNull();
    });

    it('uses the last count of a container', () => {
      const recount: Step[] = [
        ...counts,
        [196, 'count', { containerId: 'w1', quantityUg: 500_000, witnessId: 'w' }],
      ];
      const result = accountability({ ...period, entries: ledger([...before, ...during, ...recount]) });
      expect(result).toMatchObject({ countedClosingUg: 1_313_500, differenceUg: 0, unexplained: false });
    });

    it('is unknown when nothing was counted', () => {
      expect(accountability({ ...period, entries: [] }).countedClosingUg).toBeNull();
    });
  });

  it('takes the period as [from, to)', () => {
    const edge = ledger([
      [100, 'receive', { containerId: 'v1', quantityUg: 500_000 }],
      [200, 'receive', { containerId: 'v2', quantityUg: 500_000 }],
    ]);
    expect(accountability({ ...period, entries: edge })).toMatchObject({
      openingUg: 0,
      receivedUg: 500_000,
      closingUg: 500_000,
    });
  });

  it('orders entries by when they happened, not when they were recorded', () => {
    // Recorded after the period's receipt, but happened before the period: part of the opening.
    const late = ledger([
      [150, 'receive', { containerId: 'v1', quantityUg: 500_000 }],
      [160, 'receive', { containerId: 'v2', quantityUg: 500_000 }],
    ]).map((e) => (e.seq === 2 ? { ...e, occurredAt: at(50) } : e));
    expect(accountability({ ...period, entries: late })).toMatchObject({
      openingUg: 500_000,
      receivedUg: 500_000,
    });
  });

  it('counts a correction when it is made, under the heading of the entry it reverses', () => {
    const corrected = ledger([
      [1, 'receive', { containerId: 'v1', quantityUg: 500_000 }],
      [2, 'receive', { containerId: 'v2', quantityUg: 500_000 }],
      [
        150,
        'correction',
        { containerId: 'v2', quantityUg: 500_000, refersToSeq: 2, reason: 'never arrived' },
      ],
    ]);
    expect(accountability({ ...period, entries: corrected })).toMatchObject({
      openingUg: 1_000_000,
      receivedUg: -500_000,
      closingUg: 500_000,
      expectedClosingUg: 500_000,
    });
    // The audit of the earlier period stays as it was printed.
    expect(accountability({ ...period, entries: corrected, from: at(0), to: at(100) })).toMatchObject({
      receivedUg: 1_000_000,
      closingUg: 1_000_000,
    });
  });

  it('reverses exactly what the corrected entry did', () => {
    const corrected = ledger([
      [1, 'receive', { containerId: 'v1', quantityUg: 500_000 }],
      [110, 'draw', { containerId: 'v1', infusionId: 'i1', quantityUg: 10_000 }],
      [120, 'administer', { infusionId: 'i1', quantityUg: 10_000 }],
      [130, 'correction', { infusionId: 'i1', quantityUg: 10_000, refersToSeq: 3, reason: 'wrong patient' }],
      [140, 'return', { containerId: 'v1', infusionId: 'i1', quantityUg: 10_000 }],
    ]);
    expect(accountability({ ...period, entries: corrected })).toMatchObject({
      administeredUg: 0,
      closingUg: 500_000,
      expectedClosingUg: 500_000,
    });
  });

  it('moves a transferred vial back with its corrected transfer', () => {
    const corrected = ledger([
      [1, 'receive', { containerId: 'v1', quantityUg: 500_000 }],
      [120, 'transfer', { containerId: 'v1', quantityUg: 500_000, toLocationId: 'annex' }],
      [125, 'draw', { containerId: 'v1', infusionId: 'i1', quantityUg: 10_000 }],
      [130, 'correction', { containerId: 'v1', quantityUg: 500_000, refersToSeq: 2, reason: 'wrong site' }],
    ]);
    expect(accountability({ ...period, entries: corrected })).toMatchObject({
      transferredOutUg: 500_000,
      transferredInUg: 490_000,
      closingUg: 490_000,
      expectedClosingUg: 490_000,
    });
    // The 10 mg drawn while the vial was at the annex is held there.
    expect(accountability({ ...period, entries: corrected, locationId: 'annex' })).toMatchObject({
      transferredInUg: 500_000,
      transferredOutUg: 490_000,
      closingUg: 10_000,
    });
  });

  it('counts drug returned to a vial that has since moved as moving with it', () => {
    const moved = ledger([
      [1, 'receive', { containerId: 'v1', quantityUg: 500_000 }],
      [110, 'draw', { containerId: 'v1', infusionId: 'i1', quantityUg: 10_000 }],
      [120, 'transfer', { containerId: 'v1', quantityUg: 490_000, toLocationId: 'annex' }],
      [130, 'return', { containerId: 'v1', infusionId: 'i1', quantityUg: 10_000 }],
    ]);
    const main = accountability({ ...period, entries: moved });
    expect(main).toMatchObject({
      openingUg: 500_000,
      transferredOutUg: 500_000,
      closingUg: 0,
      expectedClosingUg: 0,
    });
    const annex = accountability({ ...period, entries: moved, locationId: 'annex' });
    expect(annex).toMatchObject({ transferredInUg: 500_000, closingUg: 500_000, expectedClosingUg: 500_000 });
  });

  it('charges an infusion that drew from two products first-drawn first', () => {
    const both = ledger([
      [1, 'receive', { containerId: 'v1', quantityUg: 500_000 }],
      [2, 'receive', { containerId: 'p1', quantityUg: 1_000_000 }],
      [110, 'draw', { containerId: 'v1', infusionId: 'i1', quantityUg: 10_000 }],
      [111, 'draw', { containerId: 'p1', infusionId: 'i1', quantityUg: 20_000 }],
      [120, 'administer', { infusionId: 'i1', quantityUg: 25_000 }],
    ]);
    expect(accountability({ ...period, entries: both })).toMatchObject({
      administeredUg: 10_000,
      closingUg: 490_000,
    });
    expect(accountability({ ...period, entries: both, productId: 'ket100' })).toMatchObject({
      administeredUg: 15_000,
      closingUg: 985_000,
      expectedClosingUg: 985_000,
    });
  });

  it('charges the other draw when drug returned shows first-drawn-first guessed wrong', () => {
    const both = ledger([
      [1, 'receive', { containerId: 'v1', quantityUg: 500_000 }],
      [2, 'receive', { containerId: 'p1', quantityUg: 1_000_000 }],
      [110, 'draw', { containerId: 'v1', infusionId: 'i1', quantityUg: 10_000 }],
      [111, 'draw', { containerId: 'p1', infusionId: 'i1', quantityUg: 20_000 }],
      [120, 'administer', { infusionId: 'i1', quantityUg: 25_000 }],
      // 5 mg of the 50 mg/mL was left over, so only 5 mg of it was given.
      [130, 'return', { containerId: 'v1', infusionId: 'i1', quantityUg: 5_000 }],
    ]);
    expect(accountability({ ...period, entries: both })).toMatchObject({
      administeredUg: 5_000,
      closingUg: 495_000,
      expectedClosingUg: 495_000,
    });
    expect(accountability({ ...period, entries: both, productId: 'ket100' })).toMatchObject({
      administeredUg: 20_000,
      closingUg: 980_000,
      expectedClosingUg: 980_000,
    });
  });

  it('leaves out entries of containers it was not told about', () => {
    const result = accountability({ ...period, containers: [vial('v1')], entries });
    expect(result.transferredOutUg).toBe(0);
    expect(result.expectedClosingUg).toBe(result.closingUg);
  });

  it('refuses a period that is not a pair of instants in order', () => {
    expect(() => accountability({ ...period, entries, from: 'monday' })).toThrow(DomainError);
    expect(() => accountability({ ...period, entries, from: at(200), to: at(100) })).toThrow(DomainError);
    expect(() =>
      accountability({ ...period, entries: [entry(1, 'receive', { containerId: 'v1', occurredAt: 'x' })] }),
    ).toThrow(DomainError);
  });
});
