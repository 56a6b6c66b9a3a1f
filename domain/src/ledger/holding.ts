import { zeroHolding } from './state.ts';
import type { InfusionHolding, LedgerState } from './types.ts';

/** Where an infusion's drawn drug stands; all zeros when nothing was drawn for it. */
export function holdingOf(state: LedgerState, infusionId: string): InfusionHolding {
  return state.infusions[infusionId] ?? zeroHolding();
}

/**
 * µg drawn for the infusion and not yet administered, wasted or returned. The infusion cannot close
 * while this is above 0: every drawn µg must be accounted for (21 CFR 1304.22(c)).
 */
export function unreconciled(state: LedgerState, infusionId: string): number {
  return holdingOf(state, infusionId).heldUg;
}
