// Scoring invariants over every built-in instrument, for answers generated at random.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors.ts';
import { maxTotal, optionsFor } from './answers.ts';
import { bandForScore } from './bands.ts';
import { instruments } from './registry.ts';
import { scoreQuestionnaire } from './score.ts';
import type { Instrument } from './types.ts';

// The summed scales; the use diary (a count of days with a cross-item check) has its own tests.
const all = Object.values(instruments).filter((i) => !i.scoring.totalItem && !i.atMost);

/** The values an item accepts, lowest first. */
function valuesOf(instrument: Instrument, index: number): number[] {
  const item = instrument.items[index];
  return item ? optionsFor(instrument, item).map((o) => o.value) : [];
}

/** An instrument with one allowed value for each of its items, in form order. */
const completeForm = fc
  .constantFrom(...all)
  .chain((instrument) =>
    fc.tuple(
      fc.constant(instrument),
      fc.tuple(...instrument.items.map((_, i) => fc.constantFrom(...valuesOf(instrument, i)))),
    ),
  );

function answersOf(
  instrument: Instrument,
  values: readonly (number | null)[],
): Record<string, number | null> {
  return Object.fromEntries(instrument.items.map((item, i) => [item.linkId, values[i] ?? null]));
}

function totalOf(instrument: Instrument, values: readonly (number | null)[]): number {
  const result = scoreQuestionnaire(instrument.id, answersOf(instrument, values));
  if (!result.complete) {
    throw new Error(`expected a complete score, got: ${result.reason}`);
  }
  return result.total;
}

describe('scoring invariants', () => {
  it('a complete form scores the plain sum, within [0, max], in the band that holds it', () => {
    fc.assert(
      fc.property(completeForm, ([instrument, values]) => {
        const result = scoreQuestionnaire(instrument.id, answersOf(instrument, values));
        expect(result.complete).toBe(true);
        if (result.complete) {
          expect(result.total).toBe(values.reduce((a, b) => a + b, 0));
          expect(result.total).toBeGreaterThanOrEqual(0);
          expect(result.total).toBeLessThanOrEqual(maxTotal(instrument));
          expect(result.band.min).toBeLessThanOrEqual(result.total);
          expect(result.band.max).toBeGreaterThanOrEqual(result.total);
          expect(result.imputed).toBe(false);
        }
      }),
    );
  });

  it('every whole total from 0 to the maximum falls in exactly one band', () => {
    const totals = fc
      .constantFrom(...all)
      .chain((i) => fc.tuple(fc.constant(i), fc.integer({ min: 0, max: maxTotal(i) })));
    fc.assert(
      fc.property(totals, ([instrument, total]) => {
        expect(instrument.bands.filter((b) => total >= b.min && total <= b.max)).toHaveLength(1);
        expect(() => bandForScore(instrument, total)).not.toThrow();
      }),
    );
  });

  it('raising any one answer never lowers the total, with or without missing items', () => {
    const raised = completeForm.chain(([instrument, values]) =>
      fc.tuple(
        fc.constant(instrument),
        fc.constant(values),
        fc.nat({ max: instrument.items.length - 1 }),
        fc.subarray(
          instrument.items.map((_, i) => i),
          { maxLength: instrument.scoring.maxMissingItems },
        ),
      ),
    );
    fc.assert(
      fc.property(raised, ([instrument, values, index, missing]) => {
        fc.pre(!missing.includes(index) && missing.length < instrument.items.length);
        const top = Math.max(...valuesOf(instrument, index));
        const before = values.map((v, i) => (missing.includes(i) ? null : v));
        const after = before.map((v, i) => (i === index ? top : v));
        expect(totalOf(instrument, after)).toBeGreaterThanOrEqual(totalOf(instrument, before));
      }),
    );
  });

  it('prorating gives the full total when the missing answers equal the mean of the others', () => {
    // Forms that may be prorated and whose items all share one scale (every one that prorates today).
    const prorated = all.filter(
      (i) =>
        i.scoring.maxMissingItems > 0 && i.items.every((item) => optionsFor(i, item) === i.answerOptions),
    );
    expect(prorated.map((i) => i.id)).toEqual(['phq9', 'gad7', 'pcl5', 'cadss']);
    const cases = fc.constantFrom(...prorated).chain((instrument) => {
      const n = instrument.items.length;
      const top = Math.max(...instrument.answerOptions.map((o) => o.value));
      return fc.record({
        instrument: fc.constant(instrument),
        mean: fc.integer({ min: 0, max: top }),
        missing: fc.subarray(
          instrument.items.map((_, i) => i),
          { minLength: 1, maxLength: instrument.scoring.maxMissingItems },
        ),
        // Moves of one point from one answered item to another keep their sum, hence their mean.
        moves: fc.array(
          fc.tuple(fc.nat({ max: n - 1 }), fc.nat({ max: n - 1 }), fc.integer({ min: 1, max: top })),
        ),
      });
    });
    fc.assert(
      fc.property(cases, ({ instrument, mean, missing, moves }) => {
        const top = Math.max(...instrument.answerOptions.map((o) => o.value));
        const answered = instrument.items.map(() => mean);
        for (const [from, to, amount] of moves) {
          const ok =
            from !== to &&
            !missing.includes(from) &&
            !missing.includes(to) &&
            (answered[from] ?? 0) - amount >= 0 &&
            (answered[to] ?? 0) + amount <= top;
          if (ok) {
            answered[from] = (answered[from] ?? 0) - amount;
            answered[to] = (answered[to] ?? 0) + amount;
          }
        }
        const withGaps = answered.map((v, i) => (missing.includes(i) ? null : v));
        const result = scoreQuestionnaire(instrument.id, answersOf(instrument, withGaps));
        expect(result).toMatchObject({
          complete: true,
          imputed: true,
          imputedItems: missing.map((i) => instrument.items[i]?.linkId),
        });
        // The full form: answered items as they are, the missing ones at the mean.
        expect(totalOf(instrument, answered)).toBe(result.complete ? result.total : Number.NaN);
      }),
    );
  });

  it('more missing items than the rule allows never give a total', () => {
    const tooMany = completeForm.chain(([instrument, values]) =>
      fc.tuple(
        fc.constant(instrument),
        fc.constant(values),
        fc.subarray(
          instrument.items.map((_, i) => i),
          { minLength: Math.min(instrument.items.length, instrument.scoring.maxMissingItems + 1) },
        ),
      ),
    );
    fc.assert(
      fc.property(tooMany, ([instrument, values, missing]) => {
        const withGaps = values.map((v, i) => (missing.includes(i) ? null : v));
        expect(scoreQuestionnaire(instrument.id, answersOf(instrument, withGaps)).complete).toBe(false);
      }),
    );
  });

  it('refuses any answer outside the item’s own options', () => {
    const bad = fc
      .constantFrom(...all)
      .chain((instrument) =>
        fc.tuple(
          fc.constant(instrument),
          fc.nat({ max: instrument.items.length - 1 }),
          fc.oneof(fc.integer({ min: -1000, max: 1000 }), fc.double()),
        ),
      );
    fc.assert(
      fc.property(bad, ([instrument, index, value]) => {
        fc.pre(!valuesOf(instrument, index).includes(value));
        const linkId = instrument.items[index]?.linkId ?? '';
        try {
          scoreQuestionnaire(instrument.id, { [linkId]: value });
          expect.unreachable(`${instrument.id} accepted ${value} for ${linkId}`);
        } catch (error) {
          expect(error).toBeInstanceOf(DomainError);
          expect((error as DomainError).code).toBe('invalid_answer');
        }
      }),
    );
  });
});
