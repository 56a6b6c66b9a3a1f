import {
  defaultDosingWeightRule,
  dosingWeight,
  type DosingWeight,
  type DosingWeightRule,
} from '@openkap/domain/dosing/dosing-weight';
import { isDomainError } from '@openkap/domain/errors';
import { isoDateToDay } from '@openkap/domain/plans/dates';
import type { Protocol } from '@openkap/domain/plans/protocol';
import { clinicDay } from '../clinic-day.ts';
import { clinicTimeZone, type Tx } from '../db/clinic-scope.ts';
import { AppError, refused } from '../http/errors.ts';
import * as patientStore from '../patients/store.ts';

/** What the dosing-weight rule needs about a patient, as of one clinic day. */
export interface WeightFacts {
  /** The latest weight measured on or before `day`. */
  weight: { kg: number; measuredOn: string } | null;
  height: { cm: number; measuredOn: string } | null;
  sex: string;
  /** The clinic's calendar day the facts are for (yyyy-mm-dd). */
  day: string;
}

export const dosingWeightRuleOf = (protocol: Pick<Protocol, 'dosingWeight'>): DosingWeightRule =>
  protocol.dosingWeight ?? defaultDosingWeightRule;

/**
 * Reads weights and heights for `at` (the order's moment, or when a session started): the day is the
 * clinic's, so a weight taken this morning in Chicago counts as today's.
 */
export async function weightFacts(
  tx: Tx,
  patient: { id: string; sex: string },
  at: Date | string,
): Promise<WeightFacts> {
  const [weights, heights, timeZone] = await Promise.all([
    patientStore.listWeights(tx, patient.id),
    patientStore.listHeights(tx, patient.id),
    clinicTimeZone(tx),
  ]);
  const day = clinicDay(at, timeZone);
  const weight = weights.find((w) => w.measured_on <= day);
  const height = heights.find((h) => h.measured_on <= day);
  return {
    weight: weight ? { kg: Number(weight.kg), measuredOn: weight.measured_on } : null,
    height: height ? { cm: Number(height.cm), measuredOn: height.measured_on } : null,
    sex: patient.sex,
    day,
  };
}

/** The weight an order must use; throws `no_weight` or the domain's refusal (422), so nothing is written. */
export function requireDosingWeight(
  protocol: Pick<Protocol, 'dosingWeight'>,
  facts: WeightFacts,
): DosingWeight {
  if (!facts.weight) {
    throw refused('no_weight', 'Record the patient’s weight before ordering a weight-based dose.');
  }
  return dosingWeight({
    weight: facts.weight,
    height: facts.height,
    sex: facts.sex,
    today: facts.day,
    rule: dosingWeightRuleOf(protocol),
  });
}

/** The console's preview: the weight an order would use now, or why it cannot be ordered yet. */
export function dosingWeightPreview(
  protocol: Pick<Protocol, 'dosingWeight'>,
  facts: WeightFacts,
): { value: DosingWeight | null; problem: { code: string; message: string } | null } {
  try {
    return { value: requireDosingWeight(protocol, facts), problem: null };
  } catch (error) {
    if (isDomainError(error) || error instanceof AppError) {
      return { value: null, problem: { code: error.code, message: error.message } };
    }
    throw error;
  }
}

/** Days since the latest weight, for the pre-check (null: none on file). */
export function weightAgeDays(facts: WeightFacts): number | null {
  return facts.weight ? isoDateToDay(facts.day) - isoDateToDay(facts.weight.measuredOn) : null;
}
