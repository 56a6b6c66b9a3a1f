import { DomainError, requireNumber } from '../errors.ts';
import { roundTo } from './round.ts';

/** Pump events as charted at the chair; times are epoch milliseconds, rates mL/h. */
export type InfusionEvent =
  | { type: 'start'; at: number; rateMlPerHour: number }
  | { type: 'pause'; at: number }
  /** Resumes at the last rate unless a new one is given. */
  | { type: 'resume'; at: number; rateMlPerHour?: number }
  | { type: 'rate_change'; at: number; rateMlPerHour: number }
  | { type: 'stop'; at: number };

export type InfusionState = 'not_started' | 'running' | 'paused' | 'stopped';

export interface InfusedSoFarInput {
  events: readonly InfusionEvent[];
  /** The dose order: only the mg in the bag and the bag volume matter here. */
  order: { doseMg: number; totalVolumeMl: number };
  /** Moment to compute for (epoch ms); events after it are ignored. */
  at: number;
}

export interface InfusedSoFar {
  state: InfusionState;
  /** mL delivered, 0.01 mL; never more than the bag. */
  infusedMl: number;
  /** mg delivered, 0.1 mg: the total dose given when the infusion is stopped. */
  infusedMg: number;
  /** 0–1 share of the order delivered, for the progress bar. */
  fraction: number;
  remainingMl: number;
  /** The bag volume was reached (the pump would alarm "infusion complete"). */
  volumeComplete: boolean;
  /** Time the pump was actually running, in whole minutes (rounded down). */
  runningMinutes: number;
  /** When the bag will be empty at the current rate; null unless running. */
  estimatedEndAt: number | null;
}

const MS_PER_HOUR = 3_600_000;

/**
 * Integrates the pump rate over the running intervals. Assumes the drug is evenly mixed in the bag
 * and ignores line dead space, as the charted total dose conventionally does.
 */
export function infusedSoFar(input: InfusedSoFarInput): InfusedSoFar {
  const doseMg = requireNumber(input.order?.doseMg, 'order.doseMg', { positive: true });
  const bagMl = requireNumber(input.order?.totalVolumeMl, 'order.totalVolumeMl', { positive: true });
  const at = requireNumber(input.at, 'at');

  let state: InfusionState = 'not_started';
  let rate = 0;
  let since = 0;
  let ml = 0;
  let runningMs = 0;
  let lastEventAt = Number.NEGATIVE_INFINITY;

  const accrue = (until: number): void => {
    if (state !== 'running') {
      return;
    }
    ml += (rate * (until - since)) / MS_PER_HOUR;
    runningMs += until - since;
  };

  for (const event of input.events) {
    const eventAt = requireNumber(event.at, 'event.at', {}, 'invalid_infusion_events');
    if (eventAt < lastEventAt) {
      throw new DomainError('invalid_infusion_events', 'Infusion events must be in time order', {
        at: eventAt,
      });
    }
    lastEventAt = eventAt;
    if (eventAt > at) {
      break;
    }
    accrue(eventAt);
    since = eventAt;
    ({ state, rate } = apply(state, rate, event));
  }
  accrue(at);

  const infusedMl = Math.min(ml, bagMl);
  const volumeComplete = ml >= bagMl;
  const remainingMl = bagMl - infusedMl;
  return {
    state,
    infusedMl: roundTo(infusedMl, 2),
    infusedMg: roundTo((infusedMl * doseMg) / bagMl, 1),
    fraction: infusedMl / bagMl,
    remainingMl: roundTo(remainingMl, 2),
    volumeComplete,
    runningMinutes: Math.floor(runningMs / 60_000),
    estimatedEndAt:
      state === 'running' && !volumeComplete ? Math.round(at + (remainingMl / rate) * MS_PER_HOUR) : null,
  };
}

function apply(
  state: InfusionState,
  rate: number,
  event: InfusionEvent,
): { state: InfusionState; rate: number } {
  const illegal = (): never => {
    throw new DomainError('invalid_infusion_events', `"${event.type}" is not possible while ${state}`, {
      event: event.type,
      state,
    });
  };
  const newRate = (value: unknown): number =>
    requireNumber(value, 'rateMlPerHour', { positive: true }, 'invalid_infusion_events');

  switch (event.type) {
    case 'start':
      return state === 'not_started' ? { state: 'running', rate: newRate(event.rateMlPerHour) } : illegal();
    case 'pause':
      return state === 'running' ? { state: 'paused', rate } : illegal();
    case 'resume':
      if (state !== 'paused') {
        return illegal();
      }
      return {
        state: 'running',
        rate: event.rateMlPerHour === undefined ? rate : newRate(event.rateMlPerHour),
      };
    case 'rate_change':
      return state === 'running' || state === 'paused'
        ? { state, rate: newRate(event.rateMlPerHour) }
        : illegal();
    case 'stop':
      return state === 'running' || state === 'paused' ? { state: 'stopped', rate } : illegal();
    default:
      throw new DomainError('invalid_infusion_events', 'Unknown infusion event', { event });
  }
}

/** A pump event as charted (the API's `{ kind, rateMlPerH }`), with its time in epoch ms. */
export interface ChartedPumpEvent {
  kind: string;
  at: number;
  rateMlPerH: number | null;
}

/** Charted pump events → the events `infusedSoFar` integrates; unknown kinds read as a stop. */
export function infusionEventsFromChart(events: readonly ChartedPumpEvent[]): InfusionEvent[] {
  return events.map((e): InfusionEvent => {
    const rate = e.rateMlPerH ?? undefined;
    switch (e.kind) {
      case 'start':
        return { type: 'start', at: e.at, rateMlPerHour: rate ?? 0 };
      case 'rate_change':
        return { type: 'rate_change', at: e.at, rateMlPerHour: rate ?? 0 };
      case 'resume':
        return rate == null
          ? { type: 'resume', at: e.at }
          : { type: 'resume', at: e.at, rateMlPerHour: rate };
      case 'pause':
        return { type: 'pause', at: e.at };
      default:
        return { type: 'stop', at: e.at };
    }
  });
}
