// The dose order as the console shows it, and the pump's state and delivered volume from its events.
import { infusedSoFar, infusionEventsFromChart } from '@openkap/domain/dosing/infused';
import type { DoseOrder, Infusion, Protocol, PumpEvent } from '../api/types.ts';
import { protocolDefaults } from './protocol.ts';

export interface DoseView {
  mgPerKg: number;
  doseMg: number;
  weightKg: number;
  drawVolumeMl: number;
  vialConcentrationMgPerMl: number | undefined;
  bagVolumeMl: number | undefined;
  rateMlPerH: number | null;
  durationMin: number | null;
  warnings: { code: string; message: string }[];
}

export function doseView(order: DoseOrder, protocol: Protocol | null): DoseView {
  return {
    mgPerKg: order.mgPerKg,
    doseMg: order.doseMg,
    weightKg: order.weightKg,
    drawVolumeMl: order.drawVolumeMl,
    vialConcentrationMgPerMl: protocolDefaults(protocol).vialConcentrationMgPerMl,
    bagVolumeMl: order.totalVolumeMl,
    rateMlPerH: order.rateMlPerHour,
    durationMin: order.durationMin,
    warnings: order.warnings ?? [],
  };
}

export type PumpState = 'not_started' | 'running' | 'paused' | 'stopped';

export function pumpState(pump: PumpEvent[]): PumpState {
  const last = pump[pump.length - 1];
  if (!last) {
    return 'not_started';
  }
  if (last.kind === 'pause') {
    return 'paused';
  }
  if (last.kind === 'stop') {
    return 'stopped';
  }
  return 'running';
}

/** The rate the pump is running at now (last start/resume/rate change that carried one). */
export function currentRate(pump: PumpEvent[], fallback: number | null): number | null {
  for (let i = pump.length - 1; i >= 0; i--) {
    const rate = pump[i]?.rateMlPerH;
    if (rate != null) {
      return rate;
    }
  }
  return fallback;
}

export interface Infused {
  ml: number;
  mg: number;
  fraction: number;
}

/**
 * mL and mg given by `nowMs`. While the pump runs the browser integrates the same domain rule the server
 * uses, so the bar moves every second; otherwise the server's figure stands.
 */
export function infusedAt(infusion: Infusion, nowMs: number): Infused {
  const order = infusion.doseOrder;
  const server = infusion.infused;
  if (!order || pumpState(infusion.pump) !== 'running') {
    return server;
  }
  const bag = order.totalVolumeMl;
  if (!bag) {
    return server;
  }
  try {
    const events = infusionEventsFromChart(
      infusion.pump.map((e) => ({ kind: e.kind, at: Date.parse(e.at), rateMlPerH: e.rateMlPerH })),
    );
    const result = infusedSoFar({ events, order: { doseMg: order.doseMg, totalVolumeMl: bag }, at: nowMs });
    return { ml: result.infusedMl, mg: result.infusedMg, fraction: result.fraction };
  } catch {
    return server;
  }
}
