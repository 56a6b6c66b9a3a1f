import { describe, expect, it } from 'vitest';
import { computeDoseOrder } from '../dosing/dose-order.ts';
import { DomainError } from '../errors.ts';
import { nextBoosterDue } from './booster.ts';
import { planInductionSeries } from './induction.ts';
import { seriesProgress } from './progress.ts';
import { measuresOf } from './measures.ts';
import {
  getProtocol,
  imKap,
  ivAlcoholRelapsePrevention,
  ivChronicPain,
  ivDepression,
  protocols,
} from './protocols.ts';

const MONDAY = '2026-01-05';

describe('protocols', () => {
  it.each(Object.values(protocols))('$id has a default dose the dose calculator accepts', (protocol) => {
    const order = computeDoseOrder({
      weightKg: 70,
      mgPerKg: protocol.dose.defaultMgPerKg,
      route: protocol.route,
      durationMin: protocol.dose.durationMin,
      vialConcentrationMgPerMl: protocol.preparation.vialConcentrationMgPerMl,
      diluentVolumeMl: protocol.preparation.diluentVolumeMl,
      limits: protocol.dose.limits,
    });
    expect(order.warnings).toEqual([]);
    expect(protocol.sources.length).toBeGreaterThan(0);
    expect(protocol.induction.minDaysBetween).toBeGreaterThanOrEqual(1);
  });

  it('encodes the standard depression regimen', () => {
    expect(ivDepression.dose).toMatchObject({ defaultMgPerKg: 0.5, durationMin: 40 });
    expect(ivDepression.dose.limits).toEqual({
      minMgPerKg: 0.1,
      maxMgPerKg: 0.75,
      hardMaxMgPerKg: 0.75,
      minDurationMin: 40,
      maxMgPerKgPerHour: 0.75,
    });
    expect(ivDepression.induction.sessions).toBe(6);
  });

  it('gives the chronic pain protocol the ASRA rate ceiling and Schwartzman’s 25 mg/h cap', () => {
    expect(ivChronicPain.dose.limits).toMatchObject({
      maxMgPerKgPerHour: 2,
      maxMgPerHour: 25,
      minDurationMin: 120,
    });
    const order = computeDoseOrder({
      weightKg: 70,
      mgPerKg: 1.4,
      route: 'iv',
      durationMin: 240,
      vialConcentrationMgPerMl: 10,
      diluentVolumeMl: 100,
      limits: ivChronicPain.dose.limits,
    });
    expect(order.mgPerKgPerHour).toBe(0.35);
  });

  it('keeps IM within the Krupitsky range', () => {
    expect(imKap.dose.limits.minMgPerKg).toBe(0.2);
    expect(imKap.dose.limits.hardMaxMgPerKg).toBe(2);
    expect(imKap.dose.durationMin).toBeNull();
  });

  it('encodes KARE for alcohol use disorder: three weekly 0.8 mg/kg infusions over 40 min', () => {
    expect(ivAlcoholRelapsePrevention.dose).toMatchObject({ defaultMgPerKg: 0.8, durationMin: 40 });
    expect(ivAlcoholRelapsePrevention.dose.limits.hardMaxMgPerKg).toBe(0.8);
    expect(ivAlcoholRelapsePrevention.induction).toEqual({
      sessions: 3,
      minDaysBetween: 7,
      maxSessionsPerWeek: 1,
    });
    expect(planInductionSeries(ivAlcoholRelapsePrevention, MONDAY)).toEqual([
      '2026-01-05',
      '2026-01-12',
      '2026-01-19',
    ]);
  });

  it('has one built-in substance-use protocol, so the weekly use diary is due by default', () => {
    const substance = Object.values(protocols).filter((p) => p.indication === 'substance_use');
    expect(substance.map((p) => p.id)).toEqual(['iv-alcohol-relapse-prevention']);
    const diary = measuresOf(ivAlcoholRelapsePrevention).filter((m) => m.instrumentId === 'use_diary');
    expect(diary.map((m) => m.when)).toEqual(['baseline', 'before_each_session', 'after_series_every']);
  });

  it('looks protocols up by id', () => {
    expect(getProtocol('iv-ptsd').indication).toBe('ptsd');
    expect(() => getProtocol('ketamine-lozenge')).toThrow(DomainError);
    expect(() => getProtocol('hasOwnProperty')).toThrow(DomainError);
  });
});

describe('planInductionSeries', () => {
  it('plans 6 infusions Mon/Wed/Fri over 2 weeks from a Monday', () => {
    expect(planInductionSeries(ivDepression, MONDAY)).toEqual([
      '2026-01-05',
      '2026-01-07',
      '2026-01-09',
      '2026-01-12',
      '2026-01-14',
      '2026-01-16',
    ]);
  });

  it('never puts more than the weekly maximum in any 7 consecutive days', () => {
    const dates = planInductionSeries(ivDepression, '2026-01-08', { sessions: 12 });
    const days = dates.map((d) => Date.parse(d) / 86_400_000);
    for (const day of days) {
      expect(days.filter((other) => other > day - 7 && other <= day).length).toBeLessThanOrEqual(3);
    }
    for (let i = 1; i < days.length; i++) {
      expect((days[i] ?? 0) - (days[i - 1] ?? 0)).toBeGreaterThanOrEqual(2);
    }
  });

  it('skips closed weekdays and closed dates, and moves a closed first date forward', () => {
    const dates = planInductionSeries(ivDepression, '2026-01-10', {
      closedWeekdays: [0, 6],
      closedDates: ['2026-01-14'],
    });
    expect(dates).toEqual([
      '2026-01-12',
      '2026-01-15',
      '2026-01-19',
      '2026-01-21',
      '2026-01-23',
      '2026-01-26',
    ]);
  });

  it('plans twice-weekly sessions', () => {
    expect(planInductionSeries(ivDepression, MONDAY, { sessions: 4, maxSessionsPerWeek: 2 })).toEqual([
      '2026-01-05',
      '2026-01-07',
      '2026-01-12',
      '2026-01-14',
    ]);
  });

  it('plans weekly IM sessions', () => {
    expect(planInductionSeries(imKap, MONDAY)).toEqual(['2026-01-05', '2026-01-12', '2026-01-19']);
  });

  it('plans daily weekday infusions for chronic pain', () => {
    const dates = planInductionSeries(ivChronicPain, MONDAY, { closedWeekdays: [0, 6] });
    expect(dates).toHaveLength(10);
    expect(dates.at(-1)).toBe('2026-01-16');
  });

  it.each([
    [{ sessions: 0 }],
    [{ sessions: 2.5 }],
    [{ minDaysBetween: 0 }],
    [{ maxSessionsPerWeek: 8 }],
    [{ closedWeekdays: [7] }],
    [{ closedWeekdays: [0, 1, 2, 3, 4, 5, 6] }],
    [{ closedDates: ['2026-02-31'] }],
  ])('rejects options %j', (options) => {
    expect(() => planInductionSeries(ivDepression, MONDAY, options)).toThrow(DomainError);
  });

  it('rejects a bad first date', () => {
    expect(() => planInductionSeries(ivDepression, '2026-1-5')).toThrow(DomainError);
  });

  it('gives up when closed dates block a whole year', () => {
    const closedDates = Array.from({ length: 400 }, (_, i) =>
      new Date(Date.UTC(2026, 0, 5 + i)).toISOString().slice(0, 10),
    );
    expect(() => planInductionSeries(ivDepression, MONDAY, { closedDates })).toThrow(/No open day/);
  });
});

describe('nextBoosterDue', () => {
  it('adds the interval to the last infusion', () => {
    expect(nextBoosterDue('2026-01-16', 28)).toBe('2026-02-13');
    expect(nextBoosterDue('2026-01-31', 1)).toBe('2026-02-01');
  });

  it.each([0, -7, 1.5, Number.NaN, 400])('rejects interval %s', (interval) => {
    expect(() => nextBoosterDue('2026-01-16', interval)).toThrow(DomainError);
  });
});

describe('seriesProgress', () => {
  it.each([
    [0, 'induction', 1, 'Infusion 1 of 6'],
    [3, 'induction', 4, 'Infusion 4 of 6'],
    [5, 'induction', 6, 'Infusion 6 of 6'],
    [6, 'booster', 1, 'Booster 1'],
    [8, 'booster', 3, 'Booster 3'],
  ])('after %i completed: %s %i', (completed, phase, number, label) => {
    expect(seriesProgress(completed, ivDepression)).toMatchObject({ phase, number, label });
  });

  it('uses the protocol’s word for a visit', () => {
    expect(seriesProgress(1, imKap).label).toBe('Session 2 of 3');
  });

  it('has no end to the booster phase', () => {
    expect(seriesProgress(6, ivDepression)).toMatchObject({ of: null, inductionComplete: true });
  });

  it.each([-1, 1.5, Number.NaN])('rejects completed count %s', (count) => {
    expect(() => seriesProgress(count, ivDepression)).toThrow(DomainError);
  });
});
