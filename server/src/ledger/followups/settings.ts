/**
 * The clinic's ledger rules (domain/src/ledger/settings.ts): how far back an entry may be dated
 * without a written reason, and how much missing drug prompts a significant-loss review. Read by every
 * ledger write; changed by those who answer for the DEA registration (ledger.setup), each change a new
 * row, audited with what it was and what it became.
 */
import { ledgerSettingsDefaults, type LedgerSettingsInput } from '@openkap/domain/ledger/settings';
import type { LedgerSettingsView } from '@openkap/domain/ledger/responses';
import { mgToUg } from '@openkap/domain/ledger/units';
import { inClinic, type Tx } from '../../db/clinic-scope.ts';
import type { Caller } from '../../auth/caller.ts';
import { requirePermission } from '../../auth/permissions.ts';
import { audit } from '../../audit/store.ts';
import type { LedgerDeps } from '../service.ts';
import * as store from './store.ts';

export interface LedgerRules {
  backdateLimitDays: number;
  lossReviewAboveUg: number;
}

function rulesOf(row: store.SettingsRow | undefined): LedgerRules {
  return row
    ? {
        backdateLimitDays: Number(row.backdate_limit_days),
        lossReviewAboveUg: Number(row.loss_review_above_ug),
      }
    : {
        backdateLimitDays: ledgerSettingsDefaults.backdateLimitDays,
        lossReviewAboveUg: mgToUg(ledgerSettingsDefaults.lossReviewAboveMg),
      };
}

export async function currentRules(tx: Tx): Promise<LedgerRules> {
  return rulesOf(await store.latestSettings(tx));
}

export async function settingsView(tx: Tx): Promise<LedgerSettingsView> {
  const row = await store.latestSettings(tx);
  const rules = rulesOf(row);
  return {
    backdateLimitDays: rules.backdateLimitDays,
    lossReviewAboveMg: rules.lossReviewAboveUg / 1000,
    isDefault: row === undefined,
    changedAt: row ? new Date(row.changed_at).toISOString() : null,
    changedBy: row?.changed_by_name ?? null,
  };
}

export async function readSettings(deps: LedgerDeps, caller: Caller): Promise<LedgerSettingsView> {
  requirePermission(caller, 'ledger.read');
  return inClinic(deps.db, caller.clinicId, (tx) => settingsView(tx));
}

export async function changeSettings(
  deps: LedgerDeps,
  caller: Caller,
  input: LedgerSettingsInput,
): Promise<LedgerSettingsView> {
  requirePermission(caller, 'ledger.setup');
  return inClinic(deps.db, caller.clinicId, async (tx) => {
    const before = await settingsView(tx);
    await store.insertSettings(tx, {
      clinicId: caller.clinicId,
      backdateLimitDays: input.backdateLimitDays,
      lossReviewAboveUg: mgToUg(input.lossReviewAboveMg),
      changedBy: caller.staffId,
      changedAt: deps.now(),
    });
    const after = await settingsView(tx);
    await audit(tx, caller, {
      action: 'update',
      entity: 'ledger_settings',
      detail: {
        backdateLimitDays: { from: before.backdateLimitDays, to: after.backdateLimitDays },
        lossReviewAboveMg: { from: before.lossReviewAboveMg, to: after.lossReviewAboveMg },
      },
    });
    return after;
  });
}
