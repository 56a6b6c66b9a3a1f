import type { SessionStage } from '../infusions/stages.ts';
import type { SessionSafety } from '../infusions/session-safety.ts';

/**
 * Which readings are overdue at the chair (issue 10). While the drug is given and through recovery a
 * full set (BP, HR, SpO₂) is due every interval the protocol names, and, where the protocol asks, a BP
 * a set time after each dose (intranasal: ~40 min). Monitor readings count like hand-charted ones.
 */
export type DueVital = 'bp' | 'hr' | 'spo2';
export const dueVitals: readonly DueVital[] = ['bp', 'hr', 'spo2'];

const dueVitalLabels: Readonly<Record<DueVital, string>> = { bp: 'BP', hr: 'HR', spo2: 'SpO₂' };

export interface OverdueVital {
  vital: DueVital;
  reason: 'interval' | 'after_dose';
  /** Epoch ms when it fell due. */
  dueAt: number;
  lastAt: number | null;
  message: string;
}

export interface VitalsDueStatus {
  /** The session is in a stage where readings fall due. */
  watching: boolean;
  overdue: readonly OverdueVital[];
  /** The next moment something falls due (epoch ms), for a countdown; null when not watching. */
  nextDueAt: number | null;
}

export interface VitalsDueInput {
  stage: SessionStage;
  /** First pump start or first dose; null before. Epoch ms. */
  startedAt: number | null;
  /** Pump stop or last dose: recovery's start. */
  endedAt: number | null;
  /** When each dose was given (IM/intranasal); the after-dose BP is timed from each. */
  doseTimes: readonly number[];
  /** Times of readings of each vital (any order). */
  readings: Readonly<Record<DueVital, readonly number[]>>;
  now: number;
  schedule: SessionSafety['vitalsDue'];
}

/**
 * A reading arriving a little after its time is not overdue: monitors cycle the cuff on their own
 * timer, and a 3-minute grace keeps the warning from flickering with it (engineering choice [U]).
 */
export const vitalsGraceMs = 3 * 60_000;
/** An after-dose BP may be taken up to 5 min early (a cuff cycle) and still count [U]. */
const afterDoseEarlyMs = 5 * 60_000;

export function vitalsDue(input: VitalsDueInput): VitalsDueStatus {
  const dosing = input.stage === 'infusing' || input.stage === 'paused';
  const recovering = input.stage === 'recovery';
  if ((!dosing && !recovering) || input.startedAt == null) {
    return { watching: false, overdue: [], nextDueAt: null };
  }
  const everyMs = (dosing ? input.schedule.dosingEveryMin : input.schedule.recoveryEveryMin) * 60_000;
  const { now } = input;
  const overdue: OverdueVital[] = [];
  const upcoming: number[] = [];
  for (const vital of dueVitals) {
    const times = input.readings[vital].filter((t) => t <= now);
    const lastAt = times.length ? Math.max(...times) : null;
    // Before any reading, the clock runs from the start of dosing.
    const dueAt = Math.max(lastAt ?? input.startedAt, input.startedAt - everyMs) + everyMs;
    if (now > dueAt + vitalsGraceMs) {
      const ago = lastAt == null ? 'none yet' : `last ${Math.floor((now - lastAt) / 60_000)} min ago`;
      overdue.push({
        vital,
        reason: 'interval',
        dueAt,
        lastAt,
        message: `${dueVitalLabels[vital]} overdue (${ago}; due every ${everyMs / 60_000} min)`,
      });
    } else {
      upcoming.push(dueAt);
    }
  }
  const afterMin = input.schedule.bpAfterDoseMin;
  if (afterMin != null) {
    const bpTimes = input.readings.bp;
    for (const doseAt of input.doseTimes) {
      const dueAt = doseAt + afterMin * 60_000;
      const taken = bpTimes.some((t) => t >= dueAt - afterDoseEarlyMs && t <= now);
      if (taken) {
        continue;
      }
      if (now > dueAt + vitalsGraceMs) {
        overdue.push({
          vital: 'bp',
          reason: 'after_dose',
          dueAt,
          lastAt: null,
          message: `BP ${afterMin} min after the dose is overdue`,
        });
      } else {
        upcoming.push(dueAt);
      }
    }
  }
  return {
    watching: true,
    overdue,
    nextDueAt: upcoming.length ? Math.min(...upcoming) : null,
  };
}
