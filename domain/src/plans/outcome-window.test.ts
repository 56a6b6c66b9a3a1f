import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors.ts';
import {
  defaultOutcomeWindow,
  describeOutcomeWindow,
  outcomeWindowOf,
  requireOutcomeWindow,
} from './outcome-window.ts';
import { ivDepression } from './protocols.ts';
import { ProtocolSchema } from './schema.ts';

describe('the outcome window, a protocol setting (issue 10)', () => {
  it('defaults to the day of the last induction session through 7 days after it', () => {
    expect(defaultOutcomeWindow).toEqual({ fromDay: 0, toDay: 7 });
    // A protocol snapshot without the setting takes the default.
    expect(outcomeWindowOf(ivDepression)).toBe(defaultOutcomeWindow);
    const late = { fromDay: 14, toDay: 31 };
    expect(outcomeWindowOf({ outcome: { followUpWindow: late } })).toBe(late);
  });

  it('is checked where a clinic edits its protocol', () => {
    const withWindow = (fromDay: number, toDay: number) =>
      ProtocolSchema.safeParse({ ...ivDepression, outcome: { followUpWindow: { fromDay, toDay } } });
    expect(withWindow(14, 31).success).toBe(true);
    expect(withWindow(-2, 7).success).toBe(true);
    expect(withWindow(8, 7).success).toBe(false);
    expect(withWindow(0, 1.5).success).toBe(false);
    expect(withWindow(-31, 7).success).toBe(false);
    expect(withWindow(0, 366).success).toBe(false);
    expect(ProtocolSchema.safeParse(ivDepression).success).toBe(true);
  });

  it('refuses a window that ends before it starts, in the domain too', () => {
    expect(requireOutcomeWindow({ fromDay: 0, toDay: 0 })).toEqual({ fromDay: 0, toDay: 0 });
    expect(() => requireOutcomeWindow({ fromDay: 3, toDay: 1 })).toThrow(DomainError);
    expect(() => requireOutcomeWindow(null as unknown as { fromDay: number; toDay: number })).toThrow(
      DomainError,
    );
  });

  it('says in words which scores count', () => {
    expect(describeOutcomeWindow(defaultOutcomeWindow)).toBe(
      'from the day of the last induction session to 7 days after it',
    );
    expect(describeOutcomeWindow({ fromDay: 14, toDay: 31 })).toBe(
      'from 14 days after the last induction session to 31 days after the last induction session',
    );
    expect(describeOutcomeWindow({ fromDay: -1, toDay: 0 })).toBe(
      'from 1 day before the last induction session to the day of the last induction session',
    );
    expect(describeOutcomeWindow({ fromDay: 0, toDay: 0 })).toBe('on the day of the last induction session');
  });
});
