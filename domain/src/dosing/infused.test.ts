import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors.ts';
import { infusedSoFar, infusionEventsFromChart } from './infused.ts';
import type { InfusionEvent } from './infused.ts';

const MIN = 60_000;
const T0 = Date.UTC(2026, 0, 5, 9, 0);
// 35 mg in 103.5 mL at 155.25 mL/h runs exactly 40 min.
const order = { doseMg: 35, totalVolumeMl: 103.5 };
const rate = 155.25;

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

describe('infusedSoFar', () => {
  it('is zero before the start', () => {
    const result = infusedSoFar({
      events: [{ type: 'start', at: T0, rateMlPerHour: rate }],
      order,
      at: T0 - MIN,
    });
    expect(result).toMatchObject({ state: 'not_started', infusedMl: 0, infusedMg: 0, fraction: 0 });
    expect(infusedSoFar({ events: [], order, at: T0 }).state).toBe('not_started');
  });

  it('integrates a running infusion and estimates the end', () => {
    const result = infusedSoFar({
      events: [{ type: 'start', at: T0, rateMlPerHour: rate }],
      order,
      at: T0 + 20 * MIN,
    });
    expect(result).toMatchObject({
      state: 'running',
      infusedMl: 51.75,
      infusedMg: 17.5,
      fraction: 0.5,
      remainingMl: 51.75,
      runningMinutes: 20,
      volumeComplete: false,
      estimatedEndAt: T0 + 40 * MIN,
    });
  });

  it('does not count paused time and resumes at the previous rate', () => {
    const events: InfusionEvent[] = [
      { type: 'start', at: T0, rateMlPerHour: rate },
      { type: 'pause', at: T0 + 10 * MIN },
      { type: 'resume', at: T0 + 25 * MIN },
    ];
    const paused = infusedSoFar({ events, order, at: T0 + 20 * MIN });
    expect(paused).toMatchObject({
      state: 'paused',
      fraction: 0.25,
      runningMinutes: 10,
      estimatedEndAt: null,
    });
    const resumed = infusedSoFar({ events, order, at: T0 + 35 * MIN });
    expect(resumed.fraction).toBeCloseTo(0.5, 10);
    expect(resumed.estimatedEndAt).toBe(T0 + 55 * MIN);
  });

  it('follows rate changes, including one made while paused', () => {
    const events: InfusionEvent[] = [
      { type: 'start', at: T0, rateMlPerHour: 60 },
      { type: 'rate_change', at: T0 + 30 * MIN, rateMlPerHour: 120 },
      { type: 'pause', at: T0 + 40 * MIN },
      { type: 'rate_change', at: T0 + 45 * MIN, rateMlPerHour: 30 },
      { type: 'resume', at: T0 + 50 * MIN },
    ];
    // 30 min × 60 mL/h = 30 mL; 10 min × 120 = 20 mL; paused; 10 min × 30 = 5 mL.
    expect(infusedSoFar({ events, order, at: T0 + 60 * MIN }).infusedMl).toBe(55);
  });

  it('accepts a new rate on resume', () => {
    const events: InfusionEvent[] = [
      { type: 'start', at: T0, rateMlPerHour: 60 },
      { type: 'pause', at: T0 + 10 * MIN },
      { type: 'resume', at: T0 + 10 * MIN, rateMlPerHour: 120 },
    ];
    expect(infusedSoFar({ events, order, at: T0 + 20 * MIN }).infusedMl).toBe(30);
  });

  it('freezes the total at stop: the total dose given', () => {
    const events: InfusionEvent[] = [
      { type: 'start', at: T0, rateMlPerHour: rate },
      { type: 'stop', at: T0 + 30 * MIN },
    ];
    const result = infusedSoFar({ events, order, at: T0 + 90 * MIN });
    expect(result).toMatchObject({ state: 'stopped', infusedMg: 26.3, estimatedEndAt: null }); // 26.25 → 26.3
    expect(result.fraction).toBeCloseTo(0.75, 10);
  });

  it('never reports more than the order, even if the pump keeps running', () => {
    const result = infusedSoFar({
      events: [{ type: 'start', at: T0, rateMlPerHour: rate }],
      order,
      at: T0 + 120 * MIN,
    });
    expect(result).toMatchObject({
      infusedMl: 103.5,
      infusedMg: 35,
      fraction: 1,
      remainingMl: 0,
      volumeComplete: true,
      estimatedEndAt: null,
    });
  });

  it('ignores events after the moment asked about', () => {
    const events: InfusionEvent[] = [
      { type: 'start', at: T0, rateMlPerHour: rate },
      { type: 'stop', at: T0 + 30 * MIN },
    ];
    expect(infusedSoFar({ events, order, at: T0 + 10 * MIN }).state).toBe('running');
  });

  it.each<[string, InfusionEvent[]]>([
    ['pause before start', [{ type: 'pause', at: T0 }]],
    [
      'a second start',
      [
        { type: 'start', at: T0, rateMlPerHour: 60 },
        { type: 'start', at: T0 + MIN, rateMlPerHour: 60 },
      ],
    ],
    [
      'resume while running',
      [
        { type: 'start', at: T0, rateMlPerHour: 60 },
        { type: 'resume', at: T0 + MIN },
      ],
    ],
    [
      'anything after stop',
      [
        { type: 'start', at: T0, rateMlPerHour: 60 },
        { type: 'stop', at: T0 + MIN },
        { type: 'resume', at: T0 + 2 * MIN },
      ],
    ],
    [
      'events out of order',
      [
        { type: 'start', at: T0 + MIN, rateMlPerHour: 60 },
        { type: 'pause', at: T0 },
      ],
    ],
    ['a zero rate', [{ type: 'start', at: T0, rateMlPerHour: 0 }]],
    ['a NaN time', [{ type: 'start', at: Number.NaN, rateMlPerHour: 60 }]],
    ['an unknown event', [{ type: 'bolus', at: T0 } as unknown as InfusionEvent]],
  ])('rejects %s', (_name, events) => {
    expect(codeOf(() => infusedSoFar({ events, order, at: T0 + 10 * MIN }))).toBe('invalid_infusion_events');
  });

  it('rejects an invalid order', () => {
    expect(codeOf(() => infusedSoFar({ events: [], order: { doseMg: 0, totalVolumeMl: 100 }, at: T0 }))).toBe(
      'invalid_input',
    );
    expect(codeOf(() => infusedSoFar({ events: [], order: { doseMg: 35, totalVolumeMl: -1 }, at: T0 }))).toBe(
      'invalid_input',
    );
  });
});

describe('infusedSoFar: missing order', () => {
  it('rejects a missing order with a clear error', () => {
    const input = { events: [], order: null, at: T0 } as unknown as Parameters<typeof infusedSoFar>[0];
    expect(codeOf(() => infusedSoFar(input))).toBe('invalid_input');
  });
});

describe('infusionEventsFromChart', () => {
  it('maps charted pump events, keeping a resume without a rate at the last rate', () => {
    const events = infusionEventsFromChart([
      { kind: 'start', at: 0, rateMlPerH: 150 },
      { kind: 'pause', at: 10 * 60_000, rateMlPerH: null },
      { kind: 'resume', at: 15 * 60_000, rateMlPerH: null },
      { kind: 'rate_change', at: 20 * 60_000, rateMlPerH: 100 },
      { kind: 'stop', at: 30 * 60_000, rateMlPerH: null },
    ]);
    expect(events.map((e) => e.type)).toEqual(['start', 'pause', 'resume', 'rate_change', 'stop']);
    expect(events[2]).toEqual({ type: 'resume', at: 15 * 60_000 });
    const given = infusedSoFar({ events, order: { doseMg: 35, totalVolumeMl: 103.5 }, at: 40 * 60_000 });
    // 10 min at 150 mL/h, paused 5 min, 5 min at 150, then 10 min at 100: 25 + 12.5 + 16.67 mL.
    expect(given.infusedMl).toBeCloseTo(25 + 12.5 + 16.67, 1);
  });
});
