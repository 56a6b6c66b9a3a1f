import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors.ts';
import { modifiedAldrete, scoreModifiedAldrete } from './aldrete.ts';
import { dischargeReadiness } from './discharge.ts';
import type { DischargeReadinessInput } from './discharge.ts';
import { padss, scorePadss } from './padss.ts';
import type { PadssItemId } from './padss.ts';

const allTwos = {
  vitalSigns: 2,
  activityMentalStatus: 2,
  painNauseaVomiting: 2,
  bleeding: 2,
  intakeOutput: 2,
};

describe('scorePadss', () => {
  it('scores 10 as fit', () => {
    expect(scorePadss(allTwos)).toEqual({ scale: 'padss', total: 10, max: 10, threshold: 9, fit: true });
  });

  it('is fit at 9 and not at 8', () => {
    expect(scorePadss({ ...allTwos, intakeOutput: 1 }).fit).toBe(true);
    expect(scorePadss({ ...allTwos, intakeOutput: 0 })).toMatchObject({ total: 8, fit: false });
  });

  it('accepts a clinic threshold', () => {
    expect(scorePadss({ ...allTwos, intakeOutput: 0 }, 8).fit).toBe(true);
    expect(() => scorePadss(allTwos, 11)).toThrow(DomainError);
  });

  it.each([3, -1, 1.5, Number.NaN, undefined, null])('rejects an item scored %s', (value) => {
    const items = { ...allTwos, bleeding: value } as unknown as Record<PadssItemId, number>;
    expect(() => scorePadss(items)).toThrow(/Bleeding/);
  });

  it('rejects missing items', () => {
    expect(() => scorePadss(null as unknown as Record<PadssItemId, number>)).toThrow(DomainError);
  });

  it('describes five items with options 2, 1, 0 for the form', () => {
    for (const scale of [padss, modifiedAldrete]) {
      expect(scale.items).toHaveLength(5);
      for (const item of scale.items) {
        expect(item.options.map((o) => o.value)).toEqual([2, 1, 0]);
      }
    }
  });
});

describe('scoreModifiedAldrete', () => {
  const aldreteTwos = { activity: 2, respiration: 2, circulation: 2, consciousness: 2, oxygenSaturation: 2 };

  it('is fit at 9, not at 8', () => {
    expect(scoreModifiedAldrete({ ...aldreteTwos, consciousness: 1 })).toMatchObject({ total: 9, fit: true });
    expect(scoreModifiedAldrete({ ...aldreteTwos, consciousness: 1, activity: 1 }).fit).toBe(false);
  });
});

describe('dischargeReadiness', () => {
  const NOW = Date.UTC(2026, 0, 5, 11, 0);
  const ready: DischargeReadinessInput = {
    score: { scale: 'padss', total: 10, fit: true },
    escortName: 'Sam Rivera',
    recoveryStartedAt: NOW - 45 * 60_000,
    now: NOW,
    activeAlertCount: 0,
    instructionsGiven: true,
  };

  it('is ready when every criterion is met', () => {
    expect(dischargeReadiness(ready)).toEqual({ ready: true, reasons: [] });
  });

  it('lists every unmet criterion', () => {
    const result = dischargeReadiness({
      score: { scale: 'padss', total: 7, fit: false },
      escortName: '   ',
      recoveryStartedAt: NOW - 10 * 60_000,
      now: NOW,
      activeAlertCount: 2,
      instructionsGiven: false,
    });
    expect(result.ready).toBe(false);
    expect(result.reasons.map((r) => r.code)).toEqual([
      'score_not_fit',
      'escort_missing',
      'recovery_too_short',
      'alerts_active',
      'instructions_not_given',
    ]);
    expect(result.reasons[2]?.message).toBe('Observed for 10 of 30 min');
  });

  it('needs a score and a recovery start time', () => {
    const result = dischargeReadiness({
      ...ready,
      score: null,
      recoveryStartedAt: null,
      escortName: undefined,
    });
    expect(result.reasons.map((r) => r.code)).toEqual([
      'score_missing',
      'escort_missing',
      'recovery_time_unknown',
    ]);
  });

  it('allows discharge exactly at the minimum time, and uses the clinic minimum', () => {
    expect(dischargeReadiness({ ...ready, recoveryStartedAt: NOW - 30 * 60_000 }).ready).toBe(true);
    const esketamine = dischargeReadiness(ready, { minRecoveryMin: 120 });
    expect(esketamine.reasons.map((r) => r.code)).toEqual(['recovery_too_short']);
  });

  it('sends nobody home on a modified Aldrete alone: PADSS ≥ 9 is the home-readiness score', () => {
    const aldrete = dischargeReadiness({ ...ready, score: { scale: 'aldrete', total: 10, fit: true } });
    expect(aldrete.ready).toBe(false);
    expect(aldrete.reasons.map((r) => r.code)).toEqual(['padss_required']);
    expect(dischargeReadiness({ ...ready, score: { scale: 'padss', total: 8, fit: false } }).ready).toBe(
      false,
    );
  });

  it('is not ready while the latest Aldrete shows oxygen needed or rousable only when called', () => {
    const onOxygen = dischargeReadiness({
      ...ready,
      latestAldrete: { oxygenSaturation: 1, consciousness: 2 },
    });
    expect(onOxygen.reasons.map((r) => r.code)).toEqual(['needs_oxygen']);
    const toVoice = dischargeReadiness({
      ...ready,
      latestAldrete: { oxygenSaturation: 2, consciousness: 1 },
    });
    expect(toVoice.reasons.map((r) => r.code)).toEqual(['not_fully_awake']);
    // The Aldrete total is 9 either way: fit for phase 1, not for home.
    expect(
      dischargeReadiness({ ...ready, latestAldrete: { oxygenSaturation: 2, consciousness: 2 } }).ready,
    ).toBe(true);
  });

  it('rejects invalid numbers', () => {
    expect(() => dischargeReadiness({ ...ready, activeAlertCount: -1 })).toThrow(DomainError);
    expect(() => dischargeReadiness({ ...ready, now: Number.NaN })).toThrow(DomainError);
  });
});
