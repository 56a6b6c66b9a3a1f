import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors.ts';
import { admit, record } from './admit.ts';
import { at, build, entry, vial } from './test-fixtures.ts';
import type { LedgerEntry, LedgerState } from './types.ts';

const v1 = vial('v1');
const old = vial('old', { expiresOn: '2026-03-01' });
const small = vial('small', { capacityUg: 100_000, mgPerMl: 10 });

/**
 * v1 received (500 mg), 40 mg drawn for i1 of which 30 mg given; v1 now holds 460 mg and i1 holds
 * 10 mg. "old" (expired 2026-03-01) received full; "small" registered but not received.
 */
function base(): LedgerState {
  return build(
    [v1, old, small],
    [
      entry(1, 'receive', { containerId: 'v1', quantityUg: 500_000 }),
      // Received a month before its expiry day, so that draws on and after that day can be tried.
      entry(2, 'receive', { containerId: 'old', quantityUg: 500_000, occurredAt: '2026-02-01T15:00:00Z' }),
      entry(3, 'draw', { containerId: 'v1', infusionId: 'i1', quantityUg: 40_000 }),
      entry(4, 'administer', { infusionId: 'i1', quantityUg: 30_000 }),
    ],
  );
}

function refusal(e: LedgerEntry, state: LedgerState = base(), today?: string) {
  return admit(state, e, today);
}

const receive = (fields: Partial<LedgerEntry> = {}) =>
  entry(10, 'receive', { containerId: 'small', quantityUg: 100_000, ...fields });
const draw = (fields: Partial<LedgerEntry> = {}) =>
  entry(10, 'draw', { containerId: 'v1', infusionId: 'i2', quantityUg: 35_000, ...fields });
const administer = (fields: Partial<LedgerEntry> = {}) =>
  entry(10, 'administer', { infusionId: 'i1', quantityUg: 10_000, ...fields });
const waste = (fields: Partial<LedgerEntry> = {}) =>
  entry(10, 'waste', { infusionId: 'i1', quantityUg: 10_000, witnessId: 'witness', ...fields });
const giveBack = (fields: Partial<LedgerEntry> = {}) =>
  entry(10, 'return', { containerId: 'v1', infusionId: 'i1', quantityUg: 10_000, ...fields });
const transfer = (fields: Partial<LedgerEntry> = {}) =>
  entry(10, 'transfer', { containerId: 'v1', quantityUg: 460_000, toLocationId: 'annex', ...fields });
const dispose = (fields: Partial<LedgerEntry> = {}) =>
  entry(10, 'dispose', {
    containerId: 'old',
    quantityUg: 500_000,
    witnessId: 'witness',
    reason: 'expired',
    ...fields,
  });
const loss = (fields: Partial<LedgerEntry> = {}) =>
  entry(10, 'loss', { containerId: 'v1', quantityUg: 5_000, reason: 'vial cracked', ...fields });
const adjust = (fields: Partial<LedgerEntry> = {}) =>
  entry(10, 'adjust', { containerId: 'v1', quantityUg: -500, reason: 'count found 459.5 mg', ...fields });
const count = (fields: Partial<LedgerEntry> = {}) =>
  entry(10, 'count', { containerId: 'v1', quantityUg: 460_000, witnessId: 'witness', ...fields });
const correct = (refersToSeq: number, original: Partial<LedgerEntry>, fields: Partial<LedgerEntry> = {}) =>
  entry(10, 'correction', { refersToSeq, reason: 'recorded in error', ...original, ...fields });

describe('admit: entries that pass', () => {
  it.each([
    ['receive', receive()],
    ['draw', draw()],
    ['draw of the whole balance', draw({ quantityUg: 460_000 })],
    ['draw on the expiry day', draw({ containerId: 'old', occurredAt: '2026-03-01T23:30:00-05:00' })],
    ['administer all that is held', administer()],
    ['waste', waste()],
    ['return', giveBack()],
    ['transfer', transfer()],
    ['dispose', dispose()],
    ['loss', loss()],
    ['adjust down', adjust()],
    ['count that differs from the ledger', count({ quantityUg: 459_000 })],
    ['count of zero', count({ quantityUg: 0 })],
    ['a witness on an entry that does not need one', draw({ witnessId: 'witness' })],
  ])('%s', (_, e) => {
    expect(refusal(e)).toBeNull();
  });
});

describe('admit: quantities', () => {
  it.each([
    ['zero', draw({ quantityUg: 0 })],
    ['negative', administer({ quantityUg: -1 })],
    ['fractional', waste({ quantityUg: 10.5 })],
    ['NaN', receive({ quantityUg: Number.NaN })],
    ['unsafe', receive({ quantityUg: 2 ** 60 })],
    ['zero adjustment', adjust({ quantityUg: 0 })],
    ['negative count', count({ quantityUg: -1 })],
    ['fractional count', count({ quantityUg: 0.5 })],
  ])('refuses a %s amount', (_, e) => {
    expect(refusal(e)?.code).toBe('invalid_quantity');
  });

  it('asks a transfer to state the whole balance', () => {
    const r = refusal(transfer({ quantityUg: 400_000 }));
    expect(r).toEqual({
      code: 'invalid_quantity',
      message: 'The vial holds 460 mg; a transfer moves the whole vial, so record 460 mg.',
    });
  });
});

describe('admit: witnesses and reasons', () => {
  it.each([
    ['waste', waste({ witnessId: null })],
    ['dispose', dispose({ witnessId: null })],
    ['count', count({ witnessId: null })],
    ['blank witness', waste({ witnessId: '  ' })],
  ])('a %s needs a witness', (_, e) => {
    expect(refusal(e)?.code).toBe('witness_required');
  });

  it('names what needs witnessing', () => {
    expect(refusal(waste({ witnessId: null }))?.message).toBe(
      'Wasting must be witnessed by a second member of staff.',
    );
  });

  it.each([
    ['waste', waste({ witnessId: 'nurse' })],
    ['count', count({ witnessId: 'nurse' })],
    ['draw', draw({ witnessId: 'nurse' })],
  ])('nobody witnesses their own %s', (_, e) => {
    expect(refusal(e)?.code).toBe('self_witness');
  });

  it.each([
    ['adjust', adjust({ reason: null })],
    ['loss', loss({ reason: '' })],
    ['dispose', dispose({ reason: '   ' })],
    ['correction', correct(4, { infusionId: 'i1', quantityUg: 30_000 }, { reason: null })],
  ])('a %s needs a reason', (_, e) => {
    expect(refusal(e)?.code).toBe('reason_required');
  });
});

describe('admit: what the entry names', () => {
  it('refuses an unregistered or missing container', () => {
    expect(refusal(receive({ containerId: 'nope' }))).toEqual({
      code: 'unknown_container',
      message: 'This vial is not registered; register it before recording its receipt.',
    });
    expect(refusal(draw({ containerId: null }))?.code).toBe('unknown_container');
    for (const e of [giveBack(), transfer(), dispose(), loss(), adjust(), count()]) {
      expect(refusal({ ...e, containerId: 'nope' })?.code).toBe('unknown_container');
    }
  });

  it('needs an infusion for a draw, administration, waste and return', () => {
    for (const e of [draw(), administer(), waste(), giveBack()]) {
      expect(refusal({ ...e, infusionId: null })?.code).toBe('unknown_infusion');
    }
  });
});

describe('admit: balances', () => {
  it('refuses to overdraw a vial, in mg a nurse can read', () => {
    expect(refusal(draw({ quantityUg: 460_001 }))).toEqual({
      code: 'overdraw',
      message: 'The vial holds 460 mg; 460.001 mg cannot be drawn from it.',
    });
    expect(refusal(dispose({ quantityUg: 500_001 }))?.message).toBe(
      'The vial holds 500 mg; 500.001 mg cannot be disposed of.',
    );
    expect(refusal(loss({ quantityUg: 460_001 }))?.message).toBe(
      'The vial holds 460 mg; 460.001 mg cannot be recorded as lost.',
    );
    expect(refusal(adjust({ quantityUg: -460_001 }))?.code).toBe('overdraw');
    expect(refusal(adjust({ quantityUg: -460_000 }))).toBeNull();
  });

  it('refuses to fill a vial past its capacity', () => {
    expect(refusal(receive({ quantityUg: 100_001 }))).toEqual({
      code: 'over_capacity',
      message: 'The vial holds 0 mg and takes at most 100 mg; adding 100.001 mg would exceed it.',
    });
    expect(refusal(adjust({ quantityUg: 40_001 }))?.code).toBe('over_capacity');
    expect(refusal(adjust({ quantityUg: 40_000 }))).toBeNull();
    expect(refusal(receive({ containerId: 'old', quantityUg: 1 }))?.code).toBe('over_capacity');
  });

  it('refuses a return that would overfill the vial', () => {
    // v1 full again after an adjustment; i1 still holds 10 mg drawn from it.
    const state = build(
      [v1],
      [
        entry(1, 'receive', { containerId: 'v1', quantityUg: 500_000 }),
        entry(2, 'draw', { containerId: 'v1', infusionId: 'i1', quantityUg: 10_000 }),
        entry(3, 'adjust', { containerId: 'v1', quantityUg: 10_000, reason: 'overfill found at count' }),
      ],
    );
    expect(refusal(giveBack({ quantityUg: 1 }), state)?.code).toBe('over_capacity');
  });

  it('refuses to draw from a vial after its expiry day', () => {
    const r = refusal(draw({ containerId: 'old', occurredAt: '2026-03-02T00:10:00-05:00' }));
    expect(r).toEqual({
      code: 'container_expired',
      message:
        'This vial expired on 2026-03-01 and cannot be drawn from on 2026-03-02; set it aside for disposal.',
    });
  });

  it('uses the clinic-local day the server gives over the date written in occurredAt', () => {
    // 02:00 UTC on 2 March is still 1 March in New York.
    const e = draw({ containerId: 'old', occurredAt: '2026-03-02T02:00:00Z' });
    expect(refusal(e)?.code).toBe('container_expired');
    expect(refusal(e, base(), '2026-03-01')).toBeNull();
  });

  it('refuses to account for more than the infusion holds', () => {
    expect(refusal(administer({ quantityUg: 10_001 }))).toEqual({
      code: 'exceeds_held',
      message: 'This infusion has 10 mg drawn and not yet accounted for; 10.001 mg cannot be given.',
    });
    expect(refusal(waste({ quantityUg: 10_001 }))?.code).toBe('exceeds_held');
    expect(refusal(giveBack({ quantityUg: 10_001 }))?.code).toBe('exceeds_held');
    expect(refusal(administer({ infusionId: 'never-drawn' }))).toEqual({
      code: 'exceeds_held',
      message: 'Nothing drawn for this infusion is left to account for; 10 mg cannot be given.',
    });
  });

  it('returns drug only to the vial it came from, and no more than came from it', () => {
    const state = build(
      [v1, vial('v2')],
      [
        entry(1, 'receive', { containerId: 'v1', quantityUg: 500_000 }),
        entry(2, 'receive', { containerId: 'v2', quantityUg: 500_000 }),
        entry(3, 'draw', { containerId: 'v1', infusionId: 'i1', quantityUg: 10_000 }),
        entry(4, 'draw', { containerId: 'v2', infusionId: 'i1', quantityUg: 30_000 }),
      ],
    );
    expect(refusal(giveBack({ quantityUg: 10_000 }), state)).toBeNull();
    expect(refusal(giveBack({ quantityUg: 10_001 }), state)).toEqual({
      code: 'return_to_other_container',
      message: 'Only 10 mg was drawn from this vial for this infusion; 10.001 mg cannot be returned to it.',
    });
    const other = build(
      [v1, vial('v2')],
      [
        entry(1, 'receive', { containerId: 'v1', quantityUg: 500_000 }),
        entry(2, 'receive', { containerId: 'v2', quantityUg: 500_000 }),
        entry(3, 'draw', { containerId: 'v2', infusionId: 'i1', quantityUg: 30_000 }),
      ],
    );
    expect(refusal(giveBack({ quantityUg: 1 }), other)?.code).toBe('return_to_other_container');
  });

  it('refuses a transfer to where the vial already is, or to nowhere', () => {
    expect(refusal(transfer({ toLocationId: 'main' }))?.code).toBe('same_location');
    expect(refusal(transfer({ toLocationId: null }))?.code).toBe('same_location');
  });
});

describe('admit: a zero inventory', () => {
  it('records nothing on hand as one witnessed count of 0 mg naming no vial', () => {
    const zero = entry(10, 'count', { containerId: null, quantityUg: 0, witnessId: 'witness' });
    expect(refusal(zero)).toBeNull();
    expect(refusal({ ...zero, quantityUg: 5_000 })?.code).toBe('invalid_quantity');
    expect(refusal({ ...zero, witnessId: null })?.code).toBe('witness_required');
    const after = record(base(), zero);
    expect(after.ok && after.state.containers).toEqual(base().containers);
  });
});

describe('admit: adjustments that reconcile a count', () => {
  it('may name the count of the same vial', () => {
    const state = build(
      [v1],
      [
        entry(1, 'receive', { containerId: 'v1', quantityUg: 500_000 }),
        entry(2, 'count', { containerId: 'v1', quantityUg: 499_500, witnessId: 'w' }),
      ],
    );
    expect(refusal(adjust({ refersToSeq: 2 }), state)).toBeNull();
    expect(refusal(adjust({ refersToSeq: 1 }), state)).toEqual({
      code: 'unknown_entry',
      message: 'Entry #1 is not a count of this vial.',
    });
    expect(refusal(adjust({ refersToSeq: 7 }), state)?.code).toBe('unknown_entry');
  });
});

describe('admit: corrections', () => {
  it('reverses a mistaken administration', () => {
    expect(refusal(correct(4, { infusionId: 'i1', quantityUg: 30_000 }))).toBeNull();
  });

  it('must name an earlier entry that exists', () => {
    expect(refusal(correct(99, { infusionId: 'i1', quantityUg: 30_000 }))).toEqual({
      code: 'unknown_entry',
      message: 'There is no entry #99 to correct.',
    });
    expect(refusal(entry(10, 'correction', { reason: 'x', refersToSeq: null }))?.code).toBe('unknown_entry');
  });

  it('cannot correct a count or a correction', () => {
    const state = build(
      [v1],
      [
        entry(1, 'receive', { containerId: 'v1', quantityUg: 500_000 }),
        entry(2, 'count', { containerId: 'v1', quantityUg: 500_000, witnessId: 'w' }),
        entry(3, 'adjust', { containerId: 'v1', quantityUg: -1, reason: 'x' }),
        entry(4, 'correction', { containerId: 'v1', quantityUg: -1, refersToSeq: 3, reason: 'typo' }),
      ],
    );
    expect(refusal(correct(2, { containerId: 'v1', quantityUg: 500_000 }), state)?.code).toBe(
      'not_correctable',
    );
    expect(refusal(correct(4, { containerId: 'v1', quantityUg: -1 }), state)?.code).toBe('not_correctable');
  });

  it('corrects an entry once', () => {
    const state = build(
      [v1],
      [
        entry(1, 'receive', { containerId: 'v1', quantityUg: 500_000 }),
        entry(2, 'adjust', { containerId: 'v1', quantityUg: -1, reason: 'x' }),
        entry(3, 'correction', { containerId: 'v1', quantityUg: -1, refersToSeq: 2, reason: 'typo' }),
      ],
    );
    expect(refusal(correct(2, { containerId: 'v1', quantityUg: -1 }), state)).toEqual({
      code: 'already_corrected',
      message: 'Entry #2 has already been corrected.',
    });
  });

  it('must repeat the corrected quantity, vial and infusion', () => {
    expect(refusal(correct(4, { infusionId: 'i1', quantityUg: 3_000 }))?.code).toBe('invalid_quantity');
    expect(refusal(correct(4, { infusionId: 'i2', quantityUg: 30_000 }))?.code).toBe('not_correctable');
    expect(refusal(correct(3, { containerId: 'v1', infusionId: 'i1', quantityUg: 40_000 }))?.code).toBe(
      'negative_after_correction',
    );
    expect(refusal(correct(3, { containerId: 'old', infusionId: 'i1', quantityUg: 40_000 }))?.code).toBe(
      'not_correctable',
    );
  });

  it('cannot void a receipt after the vial was drawn from', () => {
    expect(refusal(correct(1, { containerId: 'v1', quantityUg: 500_000 }))).toEqual({
      code: 'negative_after_correction',
      message:
        'The vial now holds 460 mg; reversing entry #1 would take 500 mg from it. Correct the later entries first.',
    });
    expect(refusal(correct(2, { containerId: 'old', quantityUg: 500_000 }))).toBeNull();
  });

  it('cannot void a draw whose drug was already given', () => {
    const r = refusal(correct(3, { containerId: 'v1', infusionId: 'i1', quantityUg: 40_000 }));
    expect(r?.code).toBe('negative_after_correction');
    expect(r?.message).toContain('10 mg');
  });

  it('cannot void a draw when the drug came back to the vial it came from', () => {
    // Drawn 10 from v1 and 10 from v2, 10 returned to v1: voiding the v1 draw leaves i1 holding 10 mg
    // but would say 10 mg more went back to v1 than was ever drawn from it.
    // (v1 received part-full, so the vial's capacity is not what stops it.)
    const state = build(
      [v1, vial('v2')],
      [
        entry(1, 'receive', { containerId: 'v1', quantityUg: 400_000 }),
        entry(2, 'receive', { containerId: 'v2', quantityUg: 500_000 }),
        entry(3, 'draw', { containerId: 'v1', infusionId: 'i1', quantityUg: 10_000 }),
        entry(4, 'draw', { containerId: 'v2', infusionId: 'i1', quantityUg: 10_000 }),
        entry(5, 'return', { containerId: 'v1', infusionId: 'i1', quantityUg: 10_000 }),
      ],
    );
    expect(
      refusal(correct(3, { containerId: 'v1', infusionId: 'i1', quantityUg: 10_000 }), state)?.code,
    ).toBe('negative_after_correction');
  });

  it('cannot void a disposal or loss that would overfill the vial', () => {
    const state = build(
      [v1],
      [
        entry(1, 'receive', { containerId: 'v1', quantityUg: 500_000 }),
        entry(2, 'loss', { containerId: 'v1', quantityUg: 1_000, reason: 'spilled' }),
        entry(3, 'adjust', { containerId: 'v1', quantityUg: 1_000, reason: 'found at count' }),
      ],
    );
    expect(refusal(correct(2, { containerId: 'v1', quantityUg: 1_000 }), state)?.code).toBe('over_capacity');
  });

  it('moves a transferred vial back only while it is still where it was sent', () => {
    const state = build(
      [v1],
      [
        entry(1, 'receive', { containerId: 'v1', quantityUg: 500_000 }),
        entry(2, 'transfer', { containerId: 'v1', quantityUg: 500_000, toLocationId: 'annex' }),
      ],
    );
    const undo = correct(2, { containerId: 'v1', quantityUg: 500_000, toLocationId: null });
    const result = record(state, undo);
    expect(result.ok && result.state.containers.v1?.locationId).toBe('main');

    const moved = build(
      [v1],
      [
        entry(1, 'receive', { containerId: 'v1', quantityUg: 500_000 }),
        entry(2, 'transfer', { containerId: 'v1', quantityUg: 500_000, toLocationId: 'annex' }),
        entry(3, 'transfer', { containerId: 'v1', quantityUg: 500_000, toLocationId: 'third' }),
      ],
    );
    expect(refusal(undo, moved)?.message).toBe(
      'The vial has moved again since entry #2; correct the later transfer first.',
    );
    const { locationBeforeTransfer: _, ...bare } = state;
    expect(refusal(undo, bare)?.code).toBe('not_correctable');
  });
});

describe('admit: dates', () => {
  it('refuses anything about a vial dated before its receipt', () => {
    // v1 was received at 09:01 on 2 March (at(1)).
    const early = '2026-03-02T09:00:00Z';
    for (const e of [
      draw({ occurredAt: early }),
      loss({ occurredAt: early }),
      adjust({ occurredAt: early }),
    ]) {
      expect(refusal(e)).toEqual({
        code: 'before_receipt',
        message: `${e.kind === 'draw' ? 'A draw' : e.kind === 'loss' ? 'A loss' : 'An adjustment'} cannot be dated before the vial was received; check the date and time.`,
      });
    }
    expect(refusal(count({ occurredAt: early, quantityUg: 460_000 }))?.code).toBe('before_receipt');
    // At the very instant of receipt is not before it.
    expect(refusal(draw({ occurredAt: '2026-03-02T09:01:00Z' }))).toBeNull();
  });

  it('takes the latest receipt when a voided receipt was recorded anew', () => {
    const state = build(
      [small],
      [
        entry(1, 'receive', {
          containerId: 'small',
          quantityUg: 100_000,
          occurredAt: '2026-03-01T10:00:00Z',
        }),
        entry(2, 'correction', {
          containerId: 'small',
          quantityUg: 100_000,
          refersToSeq: 1,
          reason: 'wrong day',
          occurredAt: '2026-03-02T10:00:00Z',
        }),
        entry(3, 'receive', {
          containerId: 'small',
          quantityUg: 100_000,
          occurredAt: '2026-03-02T08:00:00Z',
        }),
      ],
    );
    expect(state.containers.small?.receivedAt).toBe('2026-03-02T08:00:00Z');
    const at = (occurredAt: string) =>
      admit(
        state,
        entry(4, 'draw', { containerId: 'small', infusionId: 'i9', quantityUg: 1_000, occurredAt }),
      );
    expect(at('2026-03-02T07:00:00Z')?.code).toBe('before_receipt');
    expect(at('2026-03-02T08:30:00Z')).toBeNull();
  });
});

describe('admit: DEA notices and significant-loss reviews', () => {
  /** base() plus a 5 mg loss from v1 (#5), a count adjustment finding 20 mg missing (#6) and one finding 1 mg more (#7). */
  function losses(): LedgerState {
    return build(
      [v1, old, small],
      [
        entry(1, 'receive', { containerId: 'v1', quantityUg: 500_000 }),
        entry(2, 'receive', { containerId: 'old', quantityUg: 500_000, occurredAt: '2026-02-01T15:00:00Z' }),
        entry(3, 'draw', { containerId: 'v1', infusionId: 'i1', quantityUg: 40_000 }),
        entry(4, 'administer', { infusionId: 'i1', quantityUg: 30_000 }),
        entry(5, 'loss', { containerId: 'v1', quantityUg: 5_000, reason: 'vial cracked' }),
        entry(6, 'adjust', { containerId: 'v1', quantityUg: -20_000, reason: 'count short' }),
        entry(7, 'adjust', { containerId: 'v1', quantityUg: 1_000, reason: 'count over' }),
      ],
    );
  }
  const notice = (fields: Partial<LedgerEntry> = {}) =>
    entry(10, 'dea_notice', { containerId: 'v1', refersToSeq: 5, quantityUg: 5_000, ...fields });
  const review = (fields: Partial<LedgerEntry> = {}) =>
    entry(10, 'loss_review', {
      containerId: 'v1',
      refersToSeq: 6,
      quantityUg: 20_000,
      reason: 'One vial, no pattern, reading error',
      ...fields,
    });
  const admitted = (e: LedgerEntry) => admit(losses(), e);

  it('records the notice of a loss or of an adjustment that found drug missing, and moves nothing', () => {
    expect(admitted(notice())).toBeNull();
    expect(admitted(notice({ refersToSeq: 6, quantityUg: 20_000 }))).toBeNull();
    const result = record(losses(), notice());
    expect(result.ok && result.state.containers.v1?.balanceUg).toBe(436_000);
  });

  it('reviews only an adjustment that found drug missing, with written reasoning', () => {
    expect(admitted(review())).toBeNull();
    expect(admitted(review({ reason: ' ' }))?.code).toBe('reason_required');
    expect(admitted(review({ refersToSeq: 5, quantityUg: 5_000 }))?.code).toBe('not_a_loss');
    expect(admitted(review({ refersToSeq: 7, quantityUg: 1_000 }))?.code).toBe('not_a_loss');
  });

  it('refuses a follow-up of nothing, of something not lost, or of another amount or vial', () => {
    expect(admitted(notice({ refersToSeq: null }))?.code).toBe('unknown_entry');
    expect(admitted(notice({ refersToSeq: 99 }))?.code).toBe('unknown_entry');
    expect(admitted(notice({ refersToSeq: 3, quantityUg: 40_000 }))).toEqual({
      code: 'not_a_loss',
      message: 'Entry #3 records no theft or loss.',
    });
    expect(admitted(notice({ quantityUg: 4_000 }))).toEqual({
      code: 'invalid_quantity',
      message: 'Entry #5 lost 5 mg; record that amount.',
    });
    expect(admitted(notice({ containerId: 'old' }))?.code).toBe('not_a_loss');
  });

  it('cannot be dated before the loss was discovered', () => {
    expect(admitted(notice({ occurredAt: at(4) }))).toEqual({
      code: 'before_discovery',
      message: 'A DEA notice cannot be dated before the loss it follows up was discovered (entry #5).',
    });
  });

  it('is recorded once, again only after a correction, and never for a corrected loss', () => {
    let state = losses();
    const first = record(state, notice());
    expect(first.ok).toBe(true);
    state = first.ok ? first.state : state;
    expect(admit(state, notice({ seq: 11 }))?.code).toBe('already_noticed');
    const undone = record(
      state,
      entry(11, 'correction', {
        containerId: 'v1',
        refersToSeq: 10,
        quantityUg: 5_000,
        reason: 'not sent yet',
      }),
    );
    expect(undone.ok).toBe(true);
    state = undone.ok ? undone.state : state;
    expect(admit(state, notice({ seq: 12 }))).toBeNull();

    const reviewed = record(losses(), review());
    expect(reviewed.ok && admit(reviewed.state, review({ seq: 11 }))?.code).toBe('already_reviewed');

    const voided = record(
      losses(),
      entry(10, 'correction', { containerId: 'v1', refersToSeq: 5, quantityUg: 5_000, reason: 'found it' }),
    );
    expect(voided.ok && admit(voided.state, notice({ seq: 11 }))?.code).toBe('already_corrected');
  });
});

describe('admit: malformed entries throw', () => {
  it('refuses a seq already used or not a positive whole number', () => {
    expect(() => refusal(draw({ seq: 3 }))).toThrow(DomainError);
    expect(() => refusal(draw({ seq: 0 }))).toThrow(DomainError);
    expect(() => refusal(draw({ seq: 1.5 }))).toThrow(DomainError);
  });

  it('refuses an occurredAt or day that is not a date', () => {
    expect(() => refusal(draw({ occurredAt: 'yesterday' }))).toThrow(DomainError);
    expect(() => refusal(draw(), base(), '2026-13-01')).toThrow(DomainError);
  });
});

describe('record', () => {
  it('applies an admitted entry and leaves the old state as it was', () => {
    const state = base();
    const result = record(state, draw());
    expect(result.ok).toBe(true);
    expect(result.ok && result.state.containers.v1?.balanceUg).toBe(425_000);
    expect(state.containers.v1?.balanceUg).toBe(460_000);
  });

  it('returns the refusal and no state for a refused entry', () => {
    const result = record(base(), draw({ quantityUg: 1_000_000 }));
    expect(result).toEqual({
      ok: false,
      refusal: { code: 'overdraw', message: 'The vial holds 460 mg; 1000 mg cannot be drawn from it.' },
    });
  });
});
