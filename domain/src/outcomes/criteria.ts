import { DomainError, requireNumber } from '../errors.ts';

/** Remission: the follow-up score compared with a threshold, strictly (`<`) or inclusively (`<=`). */
export interface RemissionThreshold {
  operator: '<' | '<=';
  value: number;
}

/** What "response" and "remission" mean for one instrument. Settings a clinic may override. */
export interface OutcomeCriteria {
  instrumentId: string;
  /** Response: a fall from baseline of at least this fraction (0.5 = a 50 % reduction). */
  responseReduction: number;
  remission: RemissionThreshold;
  /**
   * Only patients who start at or above this score are in the response population (null: everyone).
   * Someone who starts with few symptoms can "remit" without ever having been depressed.
   */
  minBaselineScore: number | null;
  /** Where the numbers come from; [U] marks a value not yet checked against its source. */
  sources: readonly string[];
}

export const phq9OutcomeCriteria: OutcomeCriteria = {
  instrumentId: 'phq9',
  // NCQA HEDIS depression measures: response = ≥ 50 % reduction in PHQ-9, remission = PHQ-9 < 5,
  // over patients with an elevated baseline PHQ-9 (≥ 10 in the Psychiatric Services study).
  responseReduction: 0.5,
  remission: { operator: '<', value: 5 },
  minBaselineScore: 10,
  sources: [
    'HEDIS DRR-E: members with depression and an elevated PHQ-9 score ' +
      'https://www.horizonblue.com/providers/resources/hedis-resources/hedis-measurement-year-my-2023-provider-tips-optimizing-hedis-results/depression-remission-or-response-adolescents-and-adults-drr-e',
    'NCQA HEDIS depression response and remission measures, as described in Psychiatric Services ' +
      'https://ps.psychiatryonline.org/doi/full/10.1176/appi.ps.201900295',
  ],
};

export const madrsOutcomeCriteria: OutcomeCriteria = {
  instrumentId: 'madrs',
  // Response: a ≥ 50 % fall in MADRS, the usual trial definition (Talati & Sharma 2019: "Response (50%
  // MADRS score reduction) was the primary outcome").
  // Remission: MADRS < 10, i.e. 9 or less, the one validated cut-off. Hawley et al. 2002 validated it
  // against clinician-rated remission (CGI-S) in 684 patients: "MADRS <10 should provide the clinician
  // with a valid ... target for remission". Zimmerman et al. 2004 found the same value, "≤ 9", the optimal
  // cut-off for the broad DSM-IV definition of remission. The ≤ 10 and ≤ 12 seen in some trials are
  // conventions, not validated cut-offs. Used everywhere MADRS remission is judged (report, chart).
  responseReduction: 0.5,
  remission: { operator: '<', value: 10 },
  // No published entry threshold in our references; the report counts everyone with a baseline.
  minBaselineScore: null,
  sources: [
    'Response ≥ 50 % reduction: Talati SK, Sharma M. Ind J Priv Psychiatry 2019;13(2):31-36 ' +
      'https://www.ijiapp.com/abstractArticleContentBrowse/IJPP/17985/JPJ/fullText',
    'Remission MADRS < 10: Hawley CJ, Gale TM, Sivakumaran T. Defining remission by cut off score on the ' +
      'MADRS: selecting the optimal value. J Affect Disord 2002;72(2):177-184 https://pubmed.ncbi.nlm.nih.gov/12200208/',
    'Remission MADRS ≤ 9 (broad DSM-IV remission): Zimmerman M, Posternak MA, Chelminski I. Defining remission ' +
      'on the Montgomery-Asberg depression rating scale. J Clin Psychiatry 2004;65(2):163-168 (PMID 15003068)',
  ],
};

export const outcomeCriteria: Readonly<Record<string, OutcomeCriteria>> = {
  phq9: phq9OutcomeCriteria,
  madrs: madrsOutcomeCriteria,
};

export function getOutcomeCriteria(
  instrumentId: string,
  table: Readonly<Record<string, OutcomeCriteria>> = outcomeCriteria,
): OutcomeCriteria {
  // Own properties only, so "constructor" or "__proto__" cannot pass for an instrument.
  const criteria = Object.hasOwn(table, instrumentId) ? table[instrumentId] : undefined;
  if (!criteria) {
    throw new DomainError('unknown_instrument', `No response or remission criteria for "${instrumentId}"`, {
      instrumentId,
    });
  }
  return criteria;
}

/** True when `score` meets the remission threshold. */
export function meetsRemission(score: number, threshold: RemissionThreshold): boolean {
  return threshold.operator === '<' ? score < threshold.value : score <= threshold.value;
}

/** Guards criteria a clinic has edited: a 0 % or 150 % "response" would make every count wrong. */
export function requireCriteria(criteria: OutcomeCriteria): OutcomeCriteria {
  if (typeof criteria !== 'object' || criteria === null) {
    throw new DomainError('invalid_input', 'Outcome criteria are required');
  }
  requireNumber(criteria.responseReduction, 'responseReduction', { positive: true, max: 1 });
  requireNumber(criteria.remission?.value, 'remission.value', { min: 0 });
  if (criteria.remission.operator !== '<' && criteria.remission.operator !== '<=') {
    throw new DomainError('invalid_input', 'remission.operator must be "<" or "<="', {
      operator: criteria.remission.operator,
    });
  }
  if (criteria.minBaselineScore !== null && criteria.minBaselineScore !== undefined) {
    requireNumber(criteria.minBaselineScore, 'minBaselineScore', { min: 0 });
  }
  return criteria;
}
