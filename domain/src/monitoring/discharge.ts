import { requireNumber } from '../errors.ts';
import type { DischargeScore } from './discharge-scale.ts';

export interface DischargeReadinessInput {
  /** The home-readiness score: PADSS (a modified Aldrete is refused here, see below); null if not scored. */
  score: Pick<DischargeScore, 'scale' | 'total' | 'fit'> | null;
  /**
   * The latest modified Aldrete item scores, when phase-1 recovery was scored: a patient who still
   * needs oxygen (SpO₂ item < 2) or only rouses when called (consciousness < 2) is not going home.
   */
  latestAldrete?: { oxygenSaturation: number; consciousness: number } | null;
  /** Responsible adult taking the patient home. */
  escortName: string | null | undefined;
  /** When the infusion or dose ended (epoch ms); null if unknown. */
  recoveryStartedAt: number | null;
  now: number;
  /** Vital-sign alerts still active (from evaluateVitalAlerts). */
  activeAlertCount: number;
  /** Written discharge instructions (no driving for 24 h etc.) were given. */
  instructionsGiven: boolean;
}

export interface DischargeConfig {
  /** Minimum minutes of observation after the dose before discharge. */
  minRecoveryMin: number;
}

/*
 * Two phases, as in day surgery (Chung F. J Clin Anesth 1995; summary https://api-pubmed-ncbi.laibokeji.com/8292372 [V]):
 * the modified Aldrete score judges the first recovery; once it is met, home readiness is judged by PADSS,
 * and only PADSS ≥ 9 lets the patient go home (issue 10).
 * Release only to a responsible adult: Ketalar SmPC (https://rxreasoner.com/monographs/ketalar/precautions) [V];
 * PADSS discharge also requires a competent adult escort (https://medicalalgorithms.com/padss-scoring-system) [V].
 * Instructions: no driving or important decisions for 24 h (https://www.nervanamedical.com/s/ketaminedischarge) [V].
 * 30 min minimum observation after the infusion ends: clinic default [U]. Spravato REMS requires ≥ 2 h
 * after dosing (https://www.spravatohcp.com/dosing-spravato-trd) [V]; set 120 for esketamine sessions.
 */
export const defaultDischargeConfig: DischargeConfig = { minRecoveryMin: 30 };

export type DischargeReasonCode =
  | 'score_missing'
  | 'padss_required'
  | 'needs_oxygen'
  | 'not_fully_awake'
  | 'score_not_fit'
  | 'escort_missing'
  | 'recovery_time_unknown'
  | 'recovery_too_short'
  | 'alerts_active'
  | 'instructions_not_given';

export interface DischargeReadiness {
  ready: boolean;
  /** Every reason the patient cannot leave yet; empty when ready. */
  reasons: readonly { code: DischargeReasonCode; message: string }[];
}

export function dischargeReadiness(
  input: DischargeReadinessInput,
  config: DischargeConfig = defaultDischargeConfig,
): DischargeReadiness {
  const now = requireNumber(input.now, 'now');
  const alerts = requireNumber(input.activeAlertCount, 'activeAlertCount', { integer: true, min: 0 });
  const minRecoveryMin = requireNumber(config.minRecoveryMin, 'minRecoveryMin', { min: 0 });
  const reasons: { code: DischargeReasonCode; message: string }[] = [];

  if (!input.score) {
    reasons.push({ code: 'score_missing', message: 'Score PADSS (home readiness) before discharge' });
  } else if (input.score.scale !== 'padss') {
    reasons.push({
      code: 'padss_required',
      message: 'Going home needs PADSS ≥ 9: a modified Aldrete ends phase-1 recovery only',
    });
  } else if (!input.score.fit) {
    reasons.push({
      code: 'score_not_fit',
      message: `Discharge score ${input.score.total} is below the pass mark`,
    });
  }
  const aldrete = input.latestAldrete;
  if (aldrete && aldrete.oxygenSaturation < 2) {
    reasons.push({
      code: 'needs_oxygen',
      message: 'The latest modified Aldrete shows the patient needs oxygen: re-score on room air',
    });
  }
  if (aldrete && aldrete.consciousness < 2) {
    reasons.push({
      code: 'not_fully_awake',
      message:
        'The latest modified Aldrete shows the patient only rouses when called: re-score when fully awake',
    });
  }
  if (!input.escortName?.trim()) {
    reasons.push({ code: 'escort_missing', message: 'Record the name of the adult taking the patient home' });
  }
  if (input.recoveryStartedAt == null) {
    reasons.push({ code: 'recovery_time_unknown', message: 'Record when the infusion ended' });
  } else {
    const minutes = (now - requireNumber(input.recoveryStartedAt, 'recoveryStartedAt')) / 60_000;
    if (minutes < minRecoveryMin) {
      reasons.push({
        code: 'recovery_too_short',
        message: `Observed for ${Math.max(0, Math.floor(minutes))} of ${minRecoveryMin} min`,
      });
    }
  }
  if (alerts > 0) {
    reasons.push({ code: 'alerts_active', message: `${alerts} vital-sign alert(s) still active` });
  }
  if (!input.instructionsGiven) {
    reasons.push({ code: 'instructions_not_given', message: 'Give the written discharge instructions' });
  }
  return { ready: reasons.length === 0, reasons };
}
