import type { DoseLimits } from '../dosing/dose-order.ts';
import type { DosingWeightRule } from '../dosing/dosing-weight.ts';
import type { RouteId } from '../dosing/routes.ts';
import type { VitalAlertRule } from '../monitoring/alerts.ts';
import type { MeasureSchedule } from './measures.ts';
import type { SessionSafety } from '../infusions/session-safety.ts';
import type { OutcomeWindow } from './outcome-window.ts';

/** A treatment protocol as data. Every number is a clinic-editable default. */
export interface Protocol {
  id: string;
  title: string;
  indication: 'depression' | 'ptsd' | 'chronic_pain' | 'substance_use' | 'kap';
  route: RouteId;
  /** The clinic's word for one visit of this protocol, capitalised: "Infusion", "Session". */
  sessionNoun: string;
  dose: {
    defaultMgPerKg: number;
    /** Minutes the pump runs; null for IM and intranasal. */
    durationMin: number | null;
    limits: DoseLimits;
  };
  preparation: {
    vialConcentrationMgPerMl: number;
    /** 0 when given undiluted (IM, intranasal). */
    diluentVolumeMl: number;
    diluent: string | null;
  };
  induction: {
    sessions: number;
    /** Whole days between sessions (2 = at least 48 h apart on the calendar). */
    minDaysBetween: number;
    /** Most sessions in any 7 consecutive days. */
    maxSessionsPerWeek: number;
  };
  booster: {
    /** Default gap after the last session; boosters are tailored to symptoms, so this only seeds a date. */
    defaultIntervalDays: number;
  };
  recovery: {
    /** Least observation after the dose ends before discharge (feeds dischargeReadiness). */
    minObservationMin: number;
  };
  /** Vital-sign alert limits for sessions of this protocol (the clinic edits limits and which are on). */
  alerts: readonly VitalAlertRule[];
  /**
   * BP hold before the first dose, vitals due, IM site volumes (infusions/session-safety.ts); absent in
   * snapshots older than this field, which read the route's defaults through sessionSafetyOf.
   */
  safety?: SessionSafety;
  /** When each questionnaire is due (measures.ts); absent in snapshots older than this field. */
  measures?: readonly MeasureSchedule[];
  /**
   * Which score is the outcome (outcome-window.ts): the latest in this window around the last induction
   * session. Absent in snapshots older than this field, and then the cited default applies.
   */
  outcome?: { followUpWindow: OutcomeWindow };
  /**
   * Screening settings of this protocol; when absent, the defaults in screening/screen.ts (a stroke or
   * myocardial infarction within 42 days is "recent").
   */
  screening?: { recentEventWindowDays: number };
  notes: readonly string[];
  sources: readonly string[];
  // Bedside safety (issue 10): which weight a dose is computed from, and how old it may be.
  /** Absent in snapshots older than this field; `withDosingDefaults` (protocol-defaults.ts) fills it. */
  dosingWeight?: DosingWeightRule;
}
