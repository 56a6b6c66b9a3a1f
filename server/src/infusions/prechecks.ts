import { precheckStatus, type PrecheckStatus } from '@openkap/domain';
import type { InfusionRow, InfusionListRow } from './store.ts';
import type { VitalsRow } from './view.ts';
import type { FlagView } from '../patients/screening.ts';

export interface PrecheckView {
  consentSigned: boolean;
  fastingConfirmed: boolean;
  escortName: string | null;
  escortPhone: string | null;
  firstInfusion: boolean;
  complete: boolean;
  items: PrecheckStatus['items'];
  /** Plain-language labels of what is still missing. */
  missing: string[];
}

/** Feeds the session's recorded checks into the domain checklist (consent, fasting, escort, baseline, flags, weight). */
export function prechecksOf(
  row: InfusionRow,
  vitals: VitalsRow[],
  flags: FlagView[],
  sessions: InfusionListRow[],
  address: { onFile: boolean; required: boolean },
  weight: { ageDays: number | null; maxAgeDays: number },
): PrecheckView {
  const p = row.prechecks as {
    consentSigned?: boolean;
    fastingConfirmed?: boolean;
    escortName?: string;
    escortPhone?: string;
  };
  const startedAt = row.started_at ? new Date(row.started_at).getTime() : Number.POSITIVE_INFINITY;
  const before = vitals.filter((v) => new Date(v.at).getTime() <= startedAt);
  const latest = (pick: (v: VitalsRow) => number | null): number | null =>
    before
      .map(pick)
      .filter((x) => x != null)
      .at(-1) ?? null;
  const firstInfusion = !sessions.some((s) => s.id !== row.id && s.stage === 'discharged');
  const status = precheckStatus({
    consentSigned: p.consentSigned === true,
    fastingConfirmed: p.fastingConfirmed === true,
    escortName: p.escortName,
    baselineVitals: before.length
      ? {
          hr: latest((v) => v.hr),
          sbp: latest((v) => v.sbp),
          dbp: latest((v) => v.dbp),
          spo2: latest((v) => v.spo2),
        }
      : null,
    isFirstInfusion: firstInfusion,
    unacknowledgedFlagCodes: flags.filter((f) => !f.acknowledged).map((f) => f.code),
    patientAddress: address,
    weight,
  });
  return {
    consentSigned: p.consentSigned === true,
    fastingConfirmed: p.fastingConfirmed === true,
    escortName: p.escortName ?? null,
    escortPhone: p.escortPhone ?? null,
    firstInfusion,
    complete: status.complete,
    items: status.items,
    missing: status.items.filter((i) => i.required && !i.done).map((i) => i.label),
  };
}
