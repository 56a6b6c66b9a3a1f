// Response shapes of the HTTP API, as written in docs/api.md. Request bodies come from the Zod
// schemas in @openkap/domain; only what the server sends back is described here.
import type {
  AdministrationView,
  BpHoldView,
  RecoveryScoreView,
  SessionSafetyView,
  VitalsDueView,
} from '@openkap/domain/infusions/view-schema';
import type { PlanOutcomeView } from '@openkap/domain/outcomes/view';
import type { SubstanceUseSummary } from '@openkap/domain/outcomes/substance-use';
import type { StaffUser } from '@openkap/domain/auth/schema';
import type { PatientConditions, PatientSummary } from '@openkap/domain/patients/schema';
import type { Protocol } from '@openkap/domain/plans/protocol';
import type { DosingWeight } from '@openkap/domain/dosing/dosing-weight';

export type { StaffUser, PatientSummary };

export type IsoDateTime = string;
export type IsoDate = string;

export interface ApiIssue {
  path: string;
  message: string;
}

export interface ApiErrorBody {
  error: { code: string; message: string; issues?: ApiIssue[] };
}

// ---- patients ---------------------------------------------------------------------------------

export interface Weight {
  kg: number;
  measuredOn: IsoDate;
}

export interface Height {
  cm: number;
  measuredOn: IsoDate;
}

export interface Medication {
  id: string;
  name: string;
  rxnormCode: string | null;
  doseMg: number | null;
  doseText: string | null;
  frequency: string | null;
  timesPerDay: number | null;
  startedOn: IsoDate | null;
  stoppedOn: IsoDate | null;
}

export type FlagSeverity = 'caution' | 'relative_contraindication' | 'contraindication';

export interface ScreeningFlag {
  code: string;
  severity: FlagSeverity;
  title: string;
  reason: string;
  source: string;
  medicationName?: string | null;
  acknowledged: { by: string; at: IsoDateTime; note: string | null } | null;
}

export interface TreatmentPlan {
  id: string;
  protocolId: string;
  protocolName: string;
  route: string;
  completedInfusions: number;
  inductionCount: number;
  phase: 'induction' | 'booster';
  nextBoosterDue: IsoDate | null;
  /** "Infusion 4 of 6" / "Booster", when the server sends it. */
  nextLabel?: string;
  lastInfusionOn?: IsoDate | null;
  /** Questionnaires due now under the protocol's cadence. */
  due?: DueMeasure[];
  /** The main outcome measure: baseline, latest, response/remission, booster signal. */
  outcome?: PlanOutcome | null;
  /** Craving, the latest week and the first heavy week, for patients who answer the use diary or PACS. */
  substanceUse?: SubstanceUseSummary | null;
}

/** The plan's main outcome measure (GET /api/patients/:id → plan.outcome). */
export type PlanOutcome = PlanOutcomeView;

export interface DueMeasure {
  instrumentId: string;
  shortTitle: string;
  title: string;
  /** Staff rate it (MADRS); the others go to the patient's phone. */
  clinicianRated: boolean;
  when: 'baseline' | 'before_each_session' | 'at_each_session' | 'after_each_session' | 'after_series_every';
  reason: string;
  dueFrom: IsoDateTime | null;
  sessionId: string | null;
}

export type InfusionStage = 'precheck' | 'infusing' | 'paused' | 'recovery' | 'discharged' | 'cancelled';

export interface PatientInfusion {
  id: string;
  stage: InfusionStage;
  scheduledAt: IsoDateTime | null;
  startedAt: IsoDateTime | null;
  endedAt: IsoDateTime | null;
  totalDoseMg: number | null;
  number: number | null;
}

/** A registered instrument ("phq9", "madrs", "pain_nrs"); `/api/instruments` lists them. */
export type InstrumentId = string;

export interface QuestionnaireResult {
  id: string;
  instrument: InstrumentId;
  /** in_progress: too many items skipped to score; total and band are null, and it is never a score. */
  status?: 'completed' | 'in_progress';
  total: number | null;
  band: string | null;
  bandLabel: string | null;
  authoredAt: IsoDateTime;
  complete: boolean;
  safetyAlert: boolean;
  /** The suicide-risk item (PHQ-9 item 9, MADRS item 10) was not answered: a safety task was opened. */
  safetyItemUnanswered?: boolean;
  /** Items the patient chose "prefer not to answer" for. */
  declinedItems?: string[];
  imputed?: boolean;
  source?: string;
}

/** An alert (a positive suicide-risk answer) or a task (the item was not answered: ask it). */
export type SafetyAlertType = 'alert' | 'task';

export interface PatientSafetyAlert {
  id: string;
  kind: string;
  type?: SafetyAlertType;
  message: string;
  openedAt: IsoDateTime;
  acknowledgedAt: IsoDateTime | null;
}

export interface Patient {
  id: string;
  mrn: string;
  givenName: string;
  familyName: string;
  birthDate: IsoDate;
  ageYears: number;
  sex: 'female' | 'male' | 'other' | 'unknown';
  phone: string | null;
  email: string | null;
  address: string | null;
  indicationCode: string;
  indicationText: string | null;
  allergies: string[];
  conditions: PatientConditions;
  /** Newest first. */
  weights: Weight[];
  /** Newest first; absent from servers before issue 10. */
  heights?: Height[];
  /** From the latest weight and height, kg/m²; null without both. */
  bmi?: number | null;
  medications: Medication[];
  flags: ScreeningFlag[];
  plan: TreatmentPlan | null;
  infusions: PatientInfusion[];
  questionnaires: QuestionnaireResult[];
  safetyAlerts: PatientSafetyAlert[];
}

// ---- protocols --------------------------------------------------------------------------------

/** A treatment protocol as the server stores and sends it (domain/src/plans/protocol.ts). */
export type { Protocol };

// ---- infusions --------------------------------------------------------------------------------

export interface Chair {
  id: string;
  name: string;
}

export interface VitalsReading {
  at: IsoDateTime;
  hr: number | null;
  sbp: number | null;
  dbp: number | null;
  spo2: number | null;
  rr: number | null;
  tempC: number | null;
}

/**
 * One chair's session on the board. docs/api.md names the type without fields; these are the fields the
 * server's board (server/src/infusions/service.ts) sends.
 */
export interface InfusionSummary {
  id: string;
  patientId: string;
  patientName: string;
  stage: InfusionStage;
  minutesInStage: number;
  hr: number | null;
  sbp: number | null;
  dbp: number | null;
  spo2: number | null;
  /** Recent heart rates, oldest first, for the sparkline. */
  hrSeries: number[];
  /** Open alerts. */
  alerts: { message: string; acknowledged: boolean }[];
}

export interface BoardChair {
  id: string;
  name: string;
  session: InfusionSummary | null;
}

export interface Board {
  chairs: BoardChair[];
  /** Sessions not placed in a chair. */
  unassigned?: InfusionSummary[];
}

export interface PrecheckItem {
  /** consent_signed | fasting_confirmed | escort_confirmed | baseline_vitals_recorded | screening_flags_acknowledged */
  id: string;
  label: string;
  required: boolean;
  done: boolean;
}

export interface Prechecks {
  consentSigned: boolean;
  fastingConfirmed: boolean;
  escortName: string | null;
  escortPhone: string | null;
  firstInfusion: boolean;
  complete: boolean;
  items: PrecheckItem[];
  /** Labels of the required items not yet done. */
  missing: string[];
}

/** The computed order (the domain's DoseOrder, domain/src/dosing/dose-order.ts, plus who/when). */
export interface DoseOrder {
  route: string;
  weightKg: number;
  weightOn?: IsoDate;
  mgPerKg: number;
  /** mg drawn and charted, 0.1 mg. */
  doseMg: number;
  /** mL drawn from the vial (at the protocol's vial concentration). */
  drawVolumeMl: number;
  /** Drawn drug plus diluent: what the pump delivers. */
  totalVolumeMl: number;
  durationMin: number | null;
  /** Pump rate; null for routes without a pump (IM, intranasal). */
  rateMlPerHour: number | null;
  mgPerMin: number | null;
  mgPerKgPerHour: number | null;
  warnings: { code: string; message: string }[];
  orderedBy?: string;
  /** The strength drawn from (orders from before it was stored lack it). */
  vialConcentrationMgPerMl?: number;
  /** Which weight the order used (basis, kg, day measured, height, BMI); absent on orders before issue 10. */
  dosingWeight?: DosingWeight;
}

export type { DosingWeight };

export type PumpKind = 'start' | 'pause' | 'resume' | 'rate_change' | 'stop';

export interface PumpEvent {
  kind: PumpKind;
  at: IsoDateTime;
  rateMlPerH: number | null;
  note?: string | null;
}

/** Alert limits drawn as dashed lines; null when that rule is off. */
export interface Thresholds {
  sbpHigh: number | null;
  dbpHigh: number | null;
  hrHigh: number | null;
  hrSustainMin: number | null;
  spo2Low: number | null;
  hrLow?: number | null;
  sbpLow?: number | null;
}

export interface InfusionAlert {
  id: string;
  code: string;
  vital: string;
  message: string;
  value: number | null;
  limit: number | null;
  since: IsoDateTime;
  clearedAt: IsoDateTime | null;
  acknowledgedAt: IsoDateTime | null;
  acknowledgedBy: string | null;
  note: string | null;
}

/** A monitor alarm (IHE PCD-04): PH high, PM medium, PL low, PN no priority. */
export type DeviceAlarmPriority = 'PH' | 'PM' | 'PL' | 'PN';

export interface DeviceAlarm {
  id: string;
  text: string;
  priority: DeviceAlarmPriority;
  /** SP physiological, ST technical, SA advisory. */
  alertType: 'SP' | 'ST' | 'SA' | null;
  source: string | null;
  /** start | update | end | present | … as the monitor reports it. */
  phase: string;
  firstAt: IsoDateTime;
  lastAt: IsoDateTime;
  endedAt: IsoDateTime | null;
  acknowledgedAt: IsoDateTime | null;
  acknowledgedBy: string | null;
  note: string | null;
}

export interface SideEffect {
  id: string;
  code: string;
  label: string;
  severity: 'mild' | 'moderate' | 'severe';
  at: IsoDateTime;
  note: string | null;
}

export interface Intervention {
  id: string;
  code: string;
  label: string;
  doseText: string | null;
  at: IsoDateTime;
  note: string | null;
}

export interface Infusion {
  id: string;
  patient: {
    id: string;
    name: string;
    mrn: string;
    ageYears: number;
    allergies: string[];
    weightKg: number | null;
    weightOn: IsoDate | null;
    heightCm?: number | null;
    heightOn?: IsoDate | null;
    /** Screening flags not yet acknowledged. */
    openFlags?: { code: string; title: string; severity: FlagSeverity }[];
  };
  stage: InfusionStage;
  stageSince?: IsoDateTime;
  number: number | null;
  seriesLabel: string | null;
  protocol: Protocol | null;
  prechecks: Prechecks;
  /** The weight an order would use now, or why none can be ordered yet (e.g. weight_out_of_date). */
  dosingWeight?: { value: DosingWeight | null; problem: { code: string; message: string } | null };
  doseOrder: DoseOrder | null;
  pump: PumpEvent[];
  infused: { ml: number; mg: number; fraction: number; state?: string; estimatedEndAt?: IsoDateTime | null };
  vitals: VitalsReading[];
  thresholds: Thresholds;
  alerts: InfusionAlert[];
  deviceAlarms: DeviceAlarm[];
  sideEffects: SideEffect[];
  interventions: Intervention[];
  discharge: {
    scoreType: 'padss' | 'aldrete';
    score: number;
    items?: Record<string, number>;
    escortName: string;
    at: IsoDateTime;
    by?: string;
    note?: string | null;
  } | null;
  startedAt: IsoDateTime | null;
  endedAt: IsoDateTime | null;
  totalDoseMg: number | null;
  /** IM injections and intranasal doses (empty for IV). */
  administrations: AdministrationView[];
  /** IV: the clinician who gave the dose, chosen at pump start. */
  administeredBy: { id: string; name: string } | null;
  /** The protocol's BP hold, vitals cadence and IM site volumes, with the route's defaults filled in. */
  safety: SessionSafetyView;
  bpHold: BpHoldView;
  /** Readings overdue when the server answered; the console recomputes it each minute. */
  vitalsDue: VitalsDueView;
  /** Phase-1 modified Aldrete scores. */
  recoveryScores: RecoveryScoreView[];
}

/** GET /api/infusions/catalog: what can be charted, and the recovery scales. */
export interface InfusionCatalog {
  sideEffects: { id: string; label: string; quickCharting: boolean; serious: boolean }[];
  severities: { id: 'mild' | 'moderate' | 'severe'; label: string; meaning: string }[];
  interventions: {
    id: string;
    label: string;
    kind: string;
    defaultDoses: { amount: string; unit: string; route: string }[];
    usedFor: string[];
  }[];
  dischargeScales: {
    id: 'padss' | 'aldrete';
    title: string;
    fitAtOrAbove: number;
    items: { id: string; label: string; options: { value: number; text: string }[] }[];
  }[];
}

// ---- questionnaires ---------------------------------------------------------------------------

export interface InstrumentItem {
  linkId: string;
  position?: number;
  text: string;
  /** This item's own answers (MADRS anchors differ item by item); the instrument's otherwise. */
  options?: InstrumentOption[];
}

export interface InstrumentOption {
  value: number;
  /** LOINC answer code, where the answer has one. */
  code: string | null;
  label: string;
}

/** A severity band: totals from `min` to `max` inclusive. */
export interface InstrumentBand {
  min: number;
  max: number;
  code: string;
  label: string;
}

export interface Instrument {
  id: InstrumentId;
  title: string;
  /** "PHQ-9"; the server sends it beside the full title. */
  shortTitle?: string;
  prompt: string;
  /**
   * Who gives it: a clinician's scale (MADRS rated from an interview, CADSS given at the chair) is
   * never sent to the patient's phone, and only clinical staff enter it.
   */
  rater: 'patient' | 'clinician';
  /** For a clinician's scale, how staff give it ("rated by a clinician from an interview"). */
  administeredAs?: string | null;
  /**
   * The suicide-risk item: an answer at or above `alertAtOrAbove` (the clinic's setting where
   * `clinicSetting` names one) opens a safety alert; no answer opens a safety task.
   */
  safetyItem?: { linkId: string; alertAtOrAbove: number; clinicSetting: string | null } | null;
  items: InstrumentItem[];
  options: InstrumentOption[];
  bands: InstrumentBand[];
  /** More items skipped than this and the form is saved as in progress, without a score. */
  maxMissingItems?: number;
  /** The highest total (a day count like the use diary is not the sum of its items). */
  maxTotal?: number;
}

export interface QuestionnaireLink {
  url: string;
  token: string;
  expiresAt: IsoDateTime;
}

export interface PatientQuestionnaire {
  patientFirstName: string;
  instruments: Instrument[];
}

export interface SafetyAlert {
  id: string;
  patientId: string;
  patientName: string;
  kind: string;
  type?: SafetyAlertType;
  message: string;
  openedAt: IsoDateTime;
}

// ---- front door -------------------------------------------------------------------------------

export interface Lead {
  id: string;
  name: string;
  email: string | null;
  phone: string | null;
  interest: string;
  message: string | null;
  preferredContact: 'email' | 'phone';
  createdAt: IsoDateTime;
}
