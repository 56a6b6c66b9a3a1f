import { describe, expect, it } from 'vitest';
import { DomainError, isDomainError, requireNumber } from './errors.ts';

describe('DomainError', () => {
  it('carries a code, a message and details', () => {
    const error = new DomainError('dose_above_maximum', 'too much', { mgPerKg: 1 });
    expect(error).toBeInstanceOf(Error);
    expect(error).toMatchObject({ name: 'DomainError', code: 'dose_above_maximum', message: 'too much' });
    expect(error.details).toEqual({ mgPerKg: 1 });
    expect(isDomainError(error)).toBe(true);
    expect(isDomainError(new Error('x'))).toBe(false);
    expect(new DomainError('invalid_input', 'x').details).toEqual({});
  });
});

describe('requireNumber', () => {
  it('returns valid numbers', () => {
    expect(requireNumber(0, 'n')).toBe(0);
    expect(requireNumber(5, 'n', { integer: true, min: 1, max: 5, positive: true })).toBe(5);
  });

  it.each<[unknown, Parameters<typeof requireNumber>[2], RegExp]>([
    [Number.NaN, {}, /finite/],
    ['5', {}, /finite/],
    [undefined, {}, /finite/],
    [1.5, { integer: true }, /whole/],
    [0, { positive: true }, /greater than 0/],
    [0, { min: 1 }, /at least 1/],
    [6, { max: 5 }, /at most 5/],
  ])('rejects %s with %j', (value, rule, message) => {
    expect(() => requireNumber(value, 'n', rule)).toThrow(message);
  });

  it('uses the given error code', () => {
    try {
      requireNumber(-1, 'rate', { positive: true }, 'invalid_infusion_events');
    } catch (error) {
      expect(isDomainError(error) && error.code).toBe('invalid_infusion_events');
      return;
    }
    throw new Error('expected a DomainError');
  });
});
