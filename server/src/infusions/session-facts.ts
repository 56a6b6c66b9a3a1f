import { bpHoldStatus } from '@openkap/domain/monitoring/bp-hold';
import { vitalsDue } from '@openkap/domain/monitoring/vitals-due';
import { sessionSafetyOf } from '@openkap/domain/infusions/session-safety';
import type { DoseOrder } from '@openkap/domain/dosing/dose-order';
import type { Protocol } from '@openkap/domain/plans/protocol';
import type { SessionStage } from '@openkap/domain';
import type { BpOverrideRecord } from '../db/session-types.ts';
import type { InfusionRow } from './store.ts';
import type { AdministrationRow } from './session-store.ts';
import type * as sessionStore from './session-store.ts';
import type { VitalsRow } from './view.ts';

const ms = (d: Date | string): number => new Date(d).getTime();
const iso = (d: Date | string | number): string => new Date(d).toISOString();

export function administrationView(a: AdministrationRow) {
  return {
    id: a.id,
    route: a.route as 'im' | 'intranasal',
    at: iso(a.at),
    doseMg: Number(a.dose_mg),
    volumeMl: a.volume_ml == null ? null : Number(a.volume_ml),
    site: a.site,
    side: a.side,
    devices: a.devices,
    nostril: a.nostril,
    administeredBy: { id: a.administered_by, name: a.administered_by_name },
    note: a.note,
  };
}

/** Blood pressures on the chart before the first dose (all of them while none is given). */
export function preDoseBp(row: Pick<InfusionRow, 'started_at'>, table: readonly VitalsRow[]) {
  const startedAt = row.started_at ? ms(row.started_at) : Number.POSITIVE_INFINITY;
  return table.flatMap((v) =>
    v.sbp != null && v.dbp != null && ms(v.at) <= startedAt ? [{ at: ms(v.at), sbp: v.sbp, dbp: v.dbp }] : [],
  );
}

export function bpHoldOf(row: InfusionRow, protocol: Protocol, table: readonly VitalsRow[]) {
  const overrides = (row.bp_overrides ?? []) as BpOverrideRecord[];
  const status = bpHoldStatus({
    readings: preDoseBp(row, table),
    limit: sessionSafetyOf(protocol).bpHold,
    overrides: overrides.map((o) => ({ readingAt: ms(o.readingAt) })),
  });
  return {
    held: status.held,
    overridden: status.overridden,
    reading: status.reading ? { ...status.reading, at: iso(status.reading.at) } : null,
    limit: status.limit,
    message: status.message,
    overrides,
  };
}

/**
 * The issue-10 facts of a session, read from what is charted: hand-given doses, the BP hold, which
 * readings are overdue now, the phase-1 recovery scores, and (IM/intranasal) how much has been given.
 */
export function sessionFacts(
  row: InfusionRow,
  protocol: Protocol,
  table: readonly VitalsRow[],
  administrations: readonly AdministrationRow[],
  recoveryScores: Awaited<ReturnType<typeof sessionStore.listRecoveryScores>>,
  now: Date,
) {
  const safety = sessionSafetyOf(protocol);
  const times = (pick: (v: VitalsRow) => number | null) =>
    table.flatMap((v) => (pick(v) == null ? [] : [ms(v.at)]));
  const due = vitalsDue({
    stage: row.stage as SessionStage,
    startedAt: row.started_at ? ms(row.started_at) : null,
    endedAt: row.ended_at ? ms(row.ended_at) : null,
    doseTimes: administrations.map((a) => ms(a.at)),
    readings: { bp: times((v) => v.sbp), hr: times((v) => v.hr), spo2: times((v) => v.spo2) },
    now: now.getTime(),
    schedule: safety.vitalsDue,
  });
  const order = row.dose_order as unknown as DoseOrder | null;
  const manual = protocol.route === 'im' || protocol.route === 'intranasal';
  const givenMg = administrations.reduce((sum, a) => sum + Number(a.dose_mg), 0);
  const givenMl = administrations.reduce((sum, a) => sum + Number(a.volume_ml ?? 0), 0);
  return {
    safety,
    administrations: administrations.map(administrationView),
    bpHold: bpHoldOf(row, protocol, table),
    vitalsDue: {
      watching: due.watching,
      overdue: due.overdue.map((o) => ({
        ...o,
        dueAt: iso(o.dueAt),
        lastAt: o.lastAt == null ? null : iso(o.lastAt),
      })),
      nextDueAt: due.nextDueAt == null ? null : iso(due.nextDueAt),
    },
    recoveryScores: recoveryScores.map((r) => ({
      id: r.id,
      scale: r.scale as 'aldrete',
      items: r.items,
      total: r.total,
      at: iso(r.at),
      by: r.by_name,
    })),
    manualGiven:
      manual && order
        ? {
            ml: Math.round(givenMl * 100) / 100,
            mg: Math.round(givenMg * 10) / 10,
            fraction: Math.min(1, givenMg / order.doseMg),
            state: row.ended_at ? 'stopped' : administrations.length ? 'running' : 'not_started',
            estimatedEndAt: null,
          }
        : null,
  };
}
