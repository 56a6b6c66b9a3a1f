import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors.ts';
import { addContainer, applyEntry, emptyLedger, ledgerState } from './state.ts';
import { build, entry, vial } from './test-fixtures.ts';
import type { LedgerEntry } from './types.ts';

const v1 = vial('v1');
const v2 = vial('v2', { expiresOn: '2026-12-31' });

const story: LedgerEntry[] = [
  entry(1, 'receive', { containerId: 'v1', quantityUg: 500_000 }),
  entry(2, 'receive', { containerId: 'v2', quantityUg: 500_000 }),
  entry(3, 'draw', { containerId: 'v1', infusionId: 'i1', quantityUg: 40_000 }),
  entry(4, 'administer', { infusionId: 'i1', quantityUg: 35_000 }),
  entry(5, 'waste', { infusionId: 'i1', quantityUg: 3_000, witnessId: 'witness' }),
  entry(6, 'return', { containerId: 'v1', infusionId: 'i1', quantityUg: 2_000 }),
  entry(7, 'transfer', { containerId: 'v2', quantityUg: 500_000, toLocationId: 'annex' }),
];

describe('emptyLedger and addContainer', () => {
  it('starts with nothing', () => {
    expect(emptyLedger()).toEqual({
      containers: {},
      infusions: {},
      corrected: {},
      entries: {},
      locationBeforeTransfer: {},
    });
  });

  it('registers a container empty until its receipt, without touching the old state', () => {
    const before = emptyLedger();
    const after = addContainer(before, v1);
    expect(after.containers.v1).toEqual({ ...v1, balanceUg: 0 });
    expect(before.containers).toEqual({});
  });

  it('refuses a duplicate id and impossible facts', () => {
    const state = addContainer(emptyLedger(), v1);
    expect(() => addContainer(state, v1)).toThrow(DomainError);
    expect(() => addContainer(emptyLedger(), vial('x', { capacityUg: 0 }))).toThrow(DomainError);
    expect(() => addContainer(emptyLedger(), vial('x', { capacityUg: 1.5 }))).toThrow(DomainError);
    expect(() => addContainer(emptyLedger(), vial('x', { mgPerMl: 0 }))).toThrow(DomainError);
    expect(() => addContainer(emptyLedger(), vial('x', { expiresOn: '2026-02-30' }))).toThrow(DomainError);
  });
});

describe('ledgerState', () => {
  it('replays a draw, administration, waste, return and transfer', () => {
    const state = ledgerState([v1, v2], story);
    expect(state.containers.v1?.balanceUg).toBe(462_000);
    expect(state.containers.v2).toMatchObject({ balanceUg: 500_000, locationId: 'annex' });
    expect(state.infusions.i1).toEqual({
      drawnUg: 40_000,
      administeredUg: 35_000,
      wastedUg: 3_000,
      returnedUg: 2_000,
      heldUg: 0,
      netByContainer: { v1: 38_000 },
    });
    expect(state.locationBeforeTransfer).toEqual({ 7: 'main' });
    expect(Object.keys(state.entries).map(Number)).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  it('replays in seq order whatever order the rows come in', () => {
    expect(ledgerState([v1, v2], [...story].reverse())).toEqual(ledgerState([v1, v2], story));
  });

  it('gives the same state as recording the entries one by one', () => {
    expect(ledgerState([v1, v2], story)).toEqual(build([v1, v2], story));
  });

  it('replays a subset: entries of an unloaded container are kept and move nothing', () => {
    const state = ledgerState([v2], story);
    expect(state.containers.v1).toBeUndefined();
    expect(state.entries[3]?.kind).toBe('draw');
    // The infusion side of a draw from the unloaded vial still counts.
    expect(state.infusions.i1?.drawnUg).toBe(40_000);
    expect(state.containers.v2?.locationId).toBe('annex');
  });

  it('creates holdings lazily, even for an administration whose draw is not loaded', () => {
    const state = ledgerState([], [entry(4, 'administer', { infusionId: 'i9', quantityUg: 10_000 })]);
    expect(state.infusions.i9).toMatchObject({ administeredUg: 10_000, heldUg: -10_000 });
  });

  it('applies a correction by reversing the entry it names', () => {
    const state = ledgerState(
      [v1],
      [
        entry(1, 'receive', { containerId: 'v1', quantityUg: 500_000 }),
        entry(2, 'draw', { containerId: 'v1', infusionId: 'i1', quantityUg: 40_000 }),
        entry(3, 'correction', {
          containerId: 'v1',
          infusionId: 'i1',
          quantityUg: 40_000,
          refersToSeq: 2,
          reason: 'wrong vial',
        }),
      ],
    );
    expect(state.containers.v1?.balanceUg).toBe(500_000);
    expect(state.infusions.i1).toEqual({
      drawnUg: 0,
      administeredUg: 0,
      wastedUg: 0,
      returnedUg: 0,
      heldUg: 0,
      netByContainer: {},
    });
    expect(state.corrected).toEqual({ 2: true });
  });

  it('moves a container back when its transfer is corrected', () => {
    const state = ledgerState(
      [v2],
      [
        ...story.filter((e) => e.containerId === 'v2'),
        entry(8, 'correction', {
          containerId: 'v2',
          quantityUg: 500_000,
          refersToSeq: 7,
          reason: 'wrong site',
        }),
      ],
    );
    expect(state.containers.v2).toMatchObject({ locationId: 'main', balanceUg: 500_000 });
  });

  it('marks a correction whose original is not loaded, and reverses nothing', () => {
    const state = ledgerState(
      [v1],
      [entry(9, 'correction', { containerId: 'v1', quantityUg: 5, refersToSeq: 3, reason: 'x' })],
    );
    expect(state.corrected).toEqual({ 3: true });
    expect(state.containers.v1?.balanceUg).toBe(0);
  });

  it('replays a long ledger reading each entry a bounded number of times', () => {
    // Counts reads of the entries' fields instead of timing the replay, so the answer is the same on
    // any machine and under any load: a replay that looked back through earlier entries for each new
    // one would read them hundreds of millions of times here.
    let reads = 0;
    const counted = (e: LedgerEntry): LedgerEntry =>
      new Proxy(e, {
        get(target, key, receiver) {
          reads++;
          return Reflect.get(target, key, receiver) as unknown;
        },
      });
    const many: LedgerEntry[] = [counted(entry(1, 'receive', { containerId: 'v1', quantityUg: 500_000 }))];
    for (let seq = 2; seq < 40_000; seq += 2) {
      many.push(counted(entry(seq, 'draw', { containerId: 'v1', infusionId: `i${seq}`, quantityUg: 1 })));
      many.push(
        counted(entry(seq + 1, 'return', { containerId: 'v1', infusionId: `i${seq}`, quantityUg: 1 })),
      );
    }
    const state = ledgerState([v1], many);
    expect(reads / many.length).toBeLessThan(20);
    expect(state.containers.v1?.balanceUg).toBe(500_000);
    expect(Object.keys(state.entries)).toHaveLength(many.length);
  });
});

describe('applyEntry', () => {
  it('leaves the state it was given untouched', () => {
    const before = ledgerState([v1, v2], story.slice(0, 3));
    const snapshot = JSON.parse(JSON.stringify(before)) as unknown;
    const after = applyEntry(before, story[3] as LedgerEntry);
    expect(before).toEqual(snapshot);
    expect(after.infusions.i1?.heldUg).toBe(5_000);
    expect(after.entries[4]).toBe(story[3]);
  });

  it('shares what it did not change instead of copying it', () => {
    const before = ledgerState([v1, v2], story.slice(0, 3));
    const after = applyEntry(before, story[3] as LedgerEntry);
    expect(after.containers).toBe(before.containers);
    expect(after.corrected).toBe(before.corrected);
    const received = applyEntry(
      before,
      entry(9, 'adjust', { containerId: 'v2', quantityUg: -1, reason: 'x' }),
    );
    expect(received.infusions).toBe(before.infusions);
    expect(received.containers.v1).toBe(before.containers.v1);
  });

  it('records where a transferred container came from', () => {
    const before = ledgerState([v1, v2], story.slice(0, 6));
    const after = applyEntry(before, story[6] as LedgerEntry);
    expect(after.locationBeforeTransfer).toEqual({ 7: 'main' });
    expect(before.locationBeforeTransfer).toEqual({});
  });

  it('works on a hand-built state without locationBeforeTransfer', () => {
    const { locationBeforeTransfer: _, ...bare } = ledgerState([v1, v2], story.slice(0, 6));
    const after = applyEntry(bare, story[6] as LedgerEntry);
    expect(after.locationBeforeTransfer).toEqual({ 7: 'main' });
  });
});
