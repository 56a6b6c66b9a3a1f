import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors.ts';
import { formatMg, mgToUg, mlToUg, ugToMg, ugToMl } from './units.ts';

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    if (error instanceof DomainError) {
      return error.code;
    }
    throw error;
  }
  return undefined;
}

describe('mgToUg', () => {
  it('converts exactly, without binary artefacts', () => {
    expect(mgToUg(17.5)).toBe(17_500);
    expect(mgToUg(0.035)).toBe(35);
    expect(mgToUg(0.001)).toBe(1);
    expect(mgToUg(500)).toBe(500_000);
    expect(mgToUg(0)).toBe(0);
    expect(mgToUg(0.1 + 0.2)).toBe(300);
    expect(mgToUg(1.005)).toBe(1005);
  });

  it('refuses NaN, infinities, negatives, non-numbers and amounts finer than a µg', () => {
    for (const bad of [
      Number.NaN,
      Infinity,
      -Infinity,
      -1,
      -0.001,
      0.0005,
      17.5004,
      '5' as unknown as number,
    ]) {
      expect(codeOf(() => mgToUg(bad))).toBe('invalid_input');
    }
  });

  it('refuses amounts too large to count exactly', () => {
    expect(codeOf(() => mgToUg(1e16))).toBe('invalid_input');
  });

  it('round-trips every whole µg amount through mg', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e12 }), (ug) => {
        expect(mgToUg(ugToMg(ug))).toBe(ug);
      }),
    );
  });
});

describe('ugToMg', () => {
  it('divides by 1000 and keeps the sign of an adjustment', () => {
    expect(ugToMg(17_500)).toBe(17.5);
    expect(ugToMg(-2_500)).toBe(-2.5);
    expect(ugToMg(0)).toBe(0);
  });

  it('refuses fractions of a µg', () => {
    expect(codeOf(() => ugToMg(1.5))).toBe('invalid_input');
    expect(codeOf(() => ugToMg(Number.NaN))).toBe('invalid_input');
  });
});

describe('mlToUg', () => {
  it('turns a syringe volume into µg', () => {
    expect(mlToUg(0.35, 50)).toBe(17_500);
    expect(mlToUg(10, 50)).toBe(500_000);
    expect(mlToUg(0.7, 100)).toBe(70_000);
    expect(mlToUg(0, 50)).toBe(0);
  });

  it('rounds to the nearest µg, halves up', () => {
    expect(mlToUg(1.3333, 50)).toBe(66_665);
    expect(mlToUg(0.0005, 1)).toBe(1);
    expect(mlToUg(0.0004, 1)).toBe(0);
    expect(mlToUg(0.0015, 1)).toBe(2);
  });

  it('refuses a negative volume and a strength that is not above 0', () => {
    expect(codeOf(() => mlToUg(-0.1, 50))).toBe('invalid_input');
    expect(codeOf(() => mlToUg(1, 0))).toBe('invalid_input');
    expect(codeOf(() => mlToUg(1, Number.NaN))).toBe('invalid_input');
    expect(codeOf(() => mlToUg(Infinity, 50))).toBe('invalid_input');
  });
});

describe('ugToMl', () => {
  it('gives the volume of a µg amount', () => {
    expect(ugToMl(17_500, 50)).toBeCloseTo(0.35, 12);
    expect(ugToMl(500_000, 50)).toBe(10);
  });

  it('refuses fractions of a µg and a bad strength', () => {
    expect(codeOf(() => ugToMl(0.5, 50))).toBe('invalid_input');
    expect(codeOf(() => ugToMl(100, -1))).toBe('invalid_input');
  });

  it('inverts mlToUg to within half a µg', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000 }), fc.constantFrom(10, 50, 100), (ug, strength) => {
        expect(Math.abs(mlToUg(ugToMl(ug, strength), strength) - ug)).toBe(0);
      }),
    );
  });
});

describe('formatMg', () => {
  it('writes mg with up to three decimals, trailing zeros trimmed', () => {
    expect(formatMg(17_500)).toBe('17.5 mg');
    expect(formatMg(500_000)).toBe('500 mg');
    expect(formatMg(12_345)).toBe('12.345 mg');
    expect(formatMg(1_050)).toBe('1.05 mg');
    expect(formatMg(1)).toBe('0.001 mg');
    expect(formatMg(0)).toBe('0 mg');
    expect(formatMg(-2_250)).toBe('-2.25 mg');
  });

  it('refuses fractions of a µg', () => {
    expect(codeOf(() => formatMg(0.5))).toBe('invalid_input');
  });

  it('reads back as the same amount', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), (ug) => {
        const text = formatMg(ug);
        expect(text).toMatch(/^-?\d+(\.\d{0,2}[1-9])? mg$/);
        expect(Math.round(Number(text.slice(0, -3)) * 1000)).toBe(ug);
      }),
    );
  });
});
