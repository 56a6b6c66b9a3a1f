import { isPossibleVital } from '../monitoring/vitals.ts';

export type PrecheckId =
  | 'consent_signed'
  | 'fasting_confirmed'
  | 'escort_confirmed'
  | 'baseline_vitals_recorded'
  | 'screening_flags_acknowledged'
  | 'weight_current'
  | 'patient_address_recorded';

export interface PrecheckInput {
  consentSigned: boolean;
  fastingConfirmed: boolean;
  /** Name of the adult taking the patient home; blank counts as not confirmed. */
  escortName: string | null | undefined;
  /** Baseline vitals taken before dosing; each must be present. */
  baselineVitals: {
    hr?: number | null;
    sbp?: number | null;
    dbp?: number | null;
    spo2?: number | null;
  } | null;
  isFirstInfusion: boolean;
  /** Codes of screening flags not yet acknowledged by the prescriber. */
  unacknowledgedFlagCodes: readonly string[];
  /** Days since the latest weight (null: none on file) and the protocol's limit (dosing/dosing-weight.ts). */
  weight: { ageDays: number | null; maxAgeDays: number };
  /**
   * The controlled-substance record of each administration carries the patient's name and address
   * (21 CFR 1304.22(c), shared/reference/domain.md §5): required when the clinic keeps its ledger here.
   */
  patientAddress?: { onFile: boolean; required: boolean };
}

export interface PrecheckConfig {
  /** Flags must be acknowledged before the first infusion only, or before every one. */
  acknowledgeFlags: 'first_infusion' | 'every_infusion';
}

export const defaultPrecheckConfig: PrecheckConfig = { acknowledgeFlags: 'first_infusion' };

export interface PrecheckItem {
  id: PrecheckId;
  label: string;
  required: boolean;
  done: boolean;
}

export interface PrecheckStatus {
  /** All required items done: the session may start. */
  complete: boolean;
  items: readonly PrecheckItem[];
  missing: readonly PrecheckId[];
}

/*
 * The checklist follows what clinics and the Spravato REMS require before dosing: consent, fasting and a
 * ride home confirmed (missed confirmations cause same-day cancellations; county SOP reschedules without a
 * ride), baseline BP/HR/SpO2, and screening reviewed for a new patient.
 * Sources: https://ketaminesoftware.com/guides/iv-therapy-ehr-requirements ;
 * https://curogram.com/blog/emr-integration/osmind/psychiatric-clinical-boundaries ;
 * https://www.spravatohcp.com/dosing-spravato-trd (BP before dosing) ; LA County DMH SOP
 * (shared/reference/domain.md §2.2) [V].
 */
export function precheckStatus(
  input: PrecheckInput,
  config: PrecheckConfig = defaultPrecheckConfig,
): PrecheckStatus {
  const vitals = input.baselineVitals;
  const flagsRequired = config.acknowledgeFlags === 'every_infusion' || input.isFirstInfusion;
  const items: PrecheckItem[] = [
    { id: 'consent_signed', label: 'Consent signed', required: true, done: input.consentSigned === true },
    {
      id: 'fasting_confirmed',
      label: 'Fasting confirmed',
      required: true,
      done: input.fastingConfirmed === true,
    },
    {
      id: 'escort_confirmed',
      label: 'Ride home confirmed (escort named)',
      required: true,
      done: Boolean(input.escortName?.trim()),
    },
    {
      id: 'baseline_vitals_recorded',
      label: 'Baseline vitals recorded (BP, HR, SpO₂)',
      required: true,
      // Present and physically possible: a zero-filled or mistyped field does not count.
      done:
        vitals != null &&
        isPossibleVital('hr', vitals.hr) &&
        isPossibleVital('sbp', vitals.sbp) &&
        isPossibleVital('dbp', vitals.dbp) &&
        isPossibleVital('spo2', vitals.spo2),
    },
    {
      id: 'screening_flags_acknowledged',
      label: 'Screening flags reviewed by the prescriber',
      required: flagsRequired,
      done: input.unacknowledgedFlagCodes.length === 0,
    },
    {
      // A dose from an old weight is not silently allowed: re-weigh first (dosing-weight.ts, RECENT).
      id: 'weight_current',
      label: `Weight measured within ${input.weight.maxAgeDays} days`,
      required: true,
      done: input.weight.ageDays != null && input.weight.ageDays <= input.weight.maxAgeDays,
    },
  ];
  if (input.patientAddress) {
    items.push({
      id: 'patient_address_recorded',
      label: 'Patient’s address on file (for the controlled-substance record)',
      required: input.patientAddress.required,
      done: input.patientAddress.onFile,
    });
  }
  const missing = items.filter((i) => i.required && !i.done).map((i) => i.id);
  return { complete: missing.length === 0, items, missing };
}
