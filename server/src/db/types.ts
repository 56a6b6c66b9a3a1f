import type { ColumnType, Generated, JSONColumnType } from 'kysely';
import type { LedgerTables } from './ledger-types.ts';
import type { BpOverrideRecord, SessionTables } from './session-types.ts';

// Row types of the SQL schema (see migrations/). Hand-kept: a migration that changes a table
// changes this file in the same commit.
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
/** Nullable, with a database default: may be left out of an insert. */
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
type DateOnly = ColumnType<string, string, string>;
type Json<T extends object | null> = JSONColumnType<T, string, string>;
/** A JSON column with a database default: may be left out on insert. */
type JsonDefault<T extends object> = ColumnType<T, string | undefined, string>;

export interface ClinicsTable {
  id: Generated<string>;
  name: string;
  time_zone: Generated<string>;
  is_demo: Generated<boolean>;
  created_at: Timestamp;
}
/** One row per clinic that changed a setting (2026-12-04T1100_questionnaire_safety). */
export interface ClinicSettingsTable {
  clinic_id: string;
  settings: JsonDefault<Record<string, unknown>>;
  updated_at: Timestamp;
  updated_by: string | null;
}
export interface StaffTable {
  id: Generated<string>;
  clinic_id: string;
  email: string;
  name: string;
  role: string;
  password_hash: string;
  disabled_at: Date | null;
  created_at: Timestamp;
}
export interface StaffSessionsTable {
  token_hash: string;
  staff_id: string;
  clinic_id: string;
  created_at: Timestamp;
  expires_at: Timestamp;
}
export interface AuditEventsTable {
  id: Generated<number>;
  clinic_id: string;
  actor: string;
  action: string;
  entity: string;
  entity_id: string | null;
  patient_id: string | null;
  at: Timestamp;
  detail: JsonDefault<Record<string, unknown>>;
}
export interface PatientsTable {
  id: Generated<string>;
  clinic_id: string;
  mrn: string;
  given_name: string;
  family_name: string;
  birth_date: DateOnly;
  sex: string;
  phone: string | null;
  email: string | null;
  address: string | null;
  indication_code: string;
  indication_text: string | null;
  allergies: Json<string[]>;
  conditions: Json<Record<string, unknown>>;
  created_at: Timestamp;
  updated_at: Timestamp;
}
export interface PatientWeightsTable {
  id: Generated<string>;
  clinic_id: string;
  patient_id: string;
  kg: number;
  measured_on: DateOnly;
  recorded_by: string | null;
  created_at: Timestamp;
}
/** Heights (migration 2026-12-04T1500), like weights: the day measured. */
export interface PatientHeightsTable {
  id: Generated<string>;
  clinic_id: string;
  patient_id: string;
  cm: number;
  measured_on: DateOnly;
  recorded_by: string | null;
  created_at: Timestamp;
}
export interface PatientMedicationsTable {
  id: Generated<string>;
  clinic_id: string;
  patient_id: string;
  name: string;
  rxnorm_code: string | null;
  dose_mg: number | null;
  dose_text: string | null;
  frequency: string | null;
  times_per_day: number | null;
  started_on: DateOnly | null;
  stopped_on: DateOnly | null;
  created_at: Timestamp;
}
export interface FlagAcknowledgementsTable {
  id: Generated<string>;
  clinic_id: string;
  patient_id: string;
  flag_code: string;
  acknowledged_by: string;
  at: Timestamp;
  note: string | null;
}
export interface ProtocolsTable {
  id: string;
  clinic_id: string;
  definition: Json<Record<string, unknown>>;
  updated_at: Timestamp;
  updated_by: string | null;
}
export interface TreatmentPlansTable {
  id: Generated<string>;
  clinic_id: string;
  patient_id: string;
  protocol_id: string;
  protocol: Json<Record<string, unknown>>;
  started_on: DateOnly;
  status: Generated<string>;
  created_by: string | null;
  created_at: Timestamp;
}
export interface ChairsTable {
  id: Generated<string>;
  clinic_id: string;
  name: string;
  position: Generated<number>;
}
export interface InfusionsTable {
  id: Generated<string>;
  clinic_id: string;
  patient_id: string;
  plan_id: string | null;
  chair_id: string | null;
  stage: Generated<string>;
  stage_since: Timestamp;
  scheduled_at: Timestamp;
  protocol: Json<Record<string, unknown>>;
  prechecks: JsonDefault<Record<string, unknown>>;
  dose_order: Json<Record<string, unknown>> | null;
  started_at: Date | null;
  ended_at: Date | null;
  total_dose_mg: number | null;
  discharge: Json<Record<string, unknown>> | null;
  /** IV: the clinician who gave the dose, chosen in the console (2026-12-04T1000). */
  administered_by: string | null;
  /** Physicians' overrides of the pre-dose BP hold, oldest first. */
  bp_overrides: JsonDefault<BpOverrideRecord[]>;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}
export interface PumpEventsTable {
  id: Generated<string>;
  clinic_id: string;
  infusion_id: string;
  kind: string;
  at: Timestamp;
  rate_ml_per_h: number | null;
  note: string | null;
  recorded_by: string | null;
}
export interface VitalSignsTable {
  id: Generated<string>;
  clinic_id: string;
  patient_id: string;
  infusion_id: string | null;
  kind: 'hr' | 'bp' | 'spo2' | 'rr' | 'temp';
  value: number;
  diastolic: number | null;
  effective_at: Timestamp;
  source: 'manual' | 'fhir' | 'device';
  device: string | null;
  recorded_by: string | null;
  created_at: Timestamp;
}
export interface VitalAlertsTable {
  id: Generated<string>;
  clinic_id: string;
  infusion_id: string;
  code: string;
  vital: string;
  message: string;
  value: number;
  limit_value: number;
  since: Timestamp;
  cleared_at: Date | null;
  acknowledged_at: Date | null;
  acknowledged_by: string | null;
  note: string | null;
}
export interface SideEffectsTable {
  id: Generated<string>;
  clinic_id: string;
  infusion_id: string;
  code: string;
  severity: string;
  at: Timestamp;
  note: string | null;
  recorded_by: string | null;
}
export interface InterventionsTable {
  id: Generated<string>;
  clinic_id: string;
  infusion_id: string;
  code: string;
  dose_text: string | null;
  at: Timestamp;
  note: string | null;
  recorded_by: string | null;
}
export interface QuestionnaireResponsesTable {
  id: Generated<string>;
  clinic_id: string;
  patient_id: string;
  instrument: string;
  answers: Json<Record<string, number | null>>;
  total: number | null;
  band: string | null;
  complete: boolean;
  imputed: boolean;
  safety_alert: boolean;
  authored_at: Timestamp;
  source: 'patient' | 'staff' | 'fhir';
  entered_by: string | null;
  created_at: Timestamp;
  /** linkIds the patient chose "prefer not to answer" for (2026-12-04T1100_questionnaire_safety). */
  declined_items: JsonDefault<string[]>;
}
export interface SafetyAlertsTable {
  id: Generated<string>;
  clinic_id: string;
  patient_id: string;
  kind: string;
  response_id: string | null;
  message: string;
  opened_at: Timestamp;
  acknowledged_at: Date | null;
  acknowledged_by: string | null;
  note: string | null;
}
export interface QuestionnaireLinksTable {
  token_hash: string;
  clinic_id: string;
  patient_id: string;
  instruments: Json<string[]>;
  expires_at: Timestamp;
  used_at: Date | null;
  created_by: string | null;
  created_at: Timestamp;
}
export interface LeadsTable {
  id: Generated<string>;
  clinic_id: string;
  name: string;
  email: string | null;
  phone: string | null;
  interest: string;
  message: string | null;
  preferred_contact: string;
  status: Generated<string>;
  created_at: Timestamp;
}
export interface ApiTokensTable {
  token_hash: string;
  clinic_id: string;
  staff_id: string;
  label: string;
  created_at: Timestamp;
  revoked_at: Date | null;
}

export interface DevicesTable {
  id: string;
  clinic_id: string;
  label: string | null;
  chair_id: string | null;
  time_zone: string | null;
  /** Null for a monitor registered by staff that has not sent yet (migration 2026-11-25T1700). */
  first_seen_at: NullableTimestamp;
  last_seen_at: NullableTimestamp;
}
export interface DeviceMessagesTable {
  id: Generated<string>;
  clinic_id: string;
  received_at: Timestamp;
  control_id: string | null;
  message_type: string | null;
  device_id: string | null;
  raw: string;
  status: 'stored' | 'unmatched' | 'rejected' | 'assigned';
  reason: string | null;
  patient_id: string | null;
  infusion_id: string | null;
  observation_count: Generated<number>;
  resolved_by: string | null;
  resolved_at: Date | null;
}
export interface DeviceAlarmsTable {
  id: Generated<string>;
  clinic_id: string;
  device_id: string;
  patient_id: string | null;
  infusion_id: string | null;
  event_id: string;
  event_code: string | null;
  text: string;
  priority: 'PH' | 'PM' | 'PL' | 'PN';
  alert_type: 'SP' | 'ST' | 'SA' | null;
  source: string | null;
  phase: string;
  state: string | null;
  inactivation_state: string | null;
  first_at: Timestamp;
  last_at: Timestamp;
  ended_at: Date | null;
  acknowledged_at: Date | null;
  acknowledged_by: string | null;
  note: string | null;
}
/** Psychotherapy sessions (migration 2026-11-26T1000); minutes is null when the patient did not attend. */
export interface TherapySessionsTable {
  id: Generated<string>;
  clinic_id: string;
  patient_id: string;
  therapist_id: string;
  kind: string;
  held_at: Timestamp;
  minutes: number | null;
  attendance: string;
  infusion_id: string | null;
  summary: string | null;
  recorded_by: string;
  created_at: Timestamp;
}
/** Relapses a clinician recorded (migration 2026-11-26T1300); noted_on is the clinic day it returned. */
export interface RelapsesTable {
  id: Generated<string>;
  clinic_id: string;
  patient_id: string;
  noted_on: DateOnly;
  kind: string;
  note: string | null;
  recorded_by: string;
  created_at: Timestamp;
}

/**
 * The outcome report's per-patient summaries (migration 2026-11-26T1200), written only by triggers;
 * the app reads them in SQL. Days are the clinic's calendar days; arrays are in start / authored order.
 * date[] is unknown[]: pg turns it into Dates at local midnight, PGlite may not (read days in SQL).
 */
export interface PatientOutcomeSummaryTable {
  patient_id: string;
  clinic_id: string;
  first_at: Date;
  first_day: DateOnly;
  first_day_end: Date;
  plan_protocol_id: string | null;
  plan_status: string | null;
  planned_induction: number | null;
  indication: string | null;
  sessions_done: number;
  last_done_started: Date | null;
  series_end_day: DateOnly | null;
  first_booster_day: DateOnly | null;
  last_contact_day: DateOnly | null;
  done_started: Date[];
  done_day: unknown[];
  /** The latest plan's protocol.outcome.followUpWindow (migration 2026-12-04T1300); null: the default. */
  outcome_from_day: number | null;
  outcome_to_day: number | null;
}
export interface PatientScoreSummaryTable {
  patient_id: string;
  instrument: string;
  clinic_id: string;
  baseline_day: DateOnly | null;
  baseline_score: number | null;
  follow_up_at: Date | null;
  follow_up_day: DateOnly | null;
  follow_up_score: number | null;
  follow_at: Date[];
  follow_day: unknown[];
  follow_score: number[];
}

export interface DB extends LedgerTables, SessionTables {
  clinics: ClinicsTable;
  clinic_settings: ClinicSettingsTable;
  staff: StaffTable;
  staff_sessions: StaffSessionsTable;
  audit_events: AuditEventsTable;
  patients: PatientsTable;
  patient_weights: PatientWeightsTable;
  patient_heights: PatientHeightsTable;
  patient_medications: PatientMedicationsTable;
  flag_acknowledgements: FlagAcknowledgementsTable;
  protocols: ProtocolsTable;
  treatment_plans: TreatmentPlansTable;
  chairs: ChairsTable;
  infusions: InfusionsTable;
  pump_events: PumpEventsTable;
  vital_signs: VitalSignsTable;
  vital_alerts: VitalAlertsTable;
  side_effects: SideEffectsTable;
  interventions: InterventionsTable;
  questionnaire_responses: QuestionnaireResponsesTable;
  safety_alerts: SafetyAlertsTable;
  questionnaire_links: QuestionnaireLinksTable;
  leads: LeadsTable;
  api_tokens: ApiTokensTable;
  devices: DevicesTable;
  device_messages: DeviceMessagesTable;
  device_alarms: DeviceAlarmsTable;
  therapy_sessions: TherapySessionsTable;
  relapses: RelapsesTable;
  patient_outcome_summary: PatientOutcomeSummaryTable;
  patient_score_summary: PatientScoreSummaryTable;
}
