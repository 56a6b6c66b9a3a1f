import { z } from 'zod';

/**
 * The clinic's own ledger rules (a clinic setting, changed by those who answer for the DEA
 * registration; every change is kept). Both defaults are compliance judgements, not regulation:
 *
 * - backdateLimitDays (default 7): an entry dated more than this many days before it is recorded needs
 *   a written reason (late-entry.ts). DEA sets no number; the records must be current and carry actual
 *   dates (21 CFR 1304.21(a), (d); https://www.law.cornell.edu/cfr/text/21/1304.21). A week covers a
 *   weekend plus a few days off of the one person who keeps the safe.
 *
 * - lossReviewAboveMg (default 10 mg): a count adjustment that finds more than this missing prompts a
 *   significant-loss review. DEA gives no quantity ("what constitutes a significant loss for one
 *   registrant may be construed as comparatively insignificant for another"; when unsure after the
 *   1301.76(b) factors, report; a continuing pattern of small losses is always significant:
 *   https://hsrm.umn.edu/department-environmental-health-safety/lab-research-safety/controlled-substances/loss-and-theft-0,
 *   https://deadiversion.usdoj.gov/faq/theft-loss-faq.html). An open Schedule III vial is counted by
 *   estimate (21 CFR 1304.11(e); http://www.deacompliance.com/inventories.htm) to the 0.1 mL a syringe
 *   reads: 10 mg at 100 mg/mL, the strongest ketamine vial. So a difference of more than one reading
 *   step of the strongest vial is more than estimation error and is reviewed; the review itself asks
 *   about patterns of smaller losses.
 */
export const ledgerSettingsDefaults = {
  backdateLimitDays: 7,
  lossReviewAboveMg: 10,
} as const;

export const LedgerSettingsInput = z.object({
  backdateLimitDays: z.number().int('whole days').min(1, 'at least 1 day').max(90, 'at most 90 days'),
  lossReviewAboveMg: z.number().min(0, 'not below 0 mg').max(10_000, 'at most 10,000 mg'),
});
export type LedgerSettingsInput = z.infer<typeof LedgerSettingsInput>;
