import { modifiedAldrete, scoreModifiedAldrete, type AldreteItemId } from '@openkap/domain';
import type { BpOverrideInput, RecoveryScoreInput } from '@openkap/domain/infusions/schema';
import type { Caller } from '../auth/caller.ts';
import type { BpOverrideRecord } from '../db/session-types.ts';
import { badRequest, conflict } from '../http/errors.ts';
import { change, type InfusionDeps } from './change.ts';
import { protocolOf } from './protocol.ts';
import { bpHoldOf } from './session-facts.ts';
import * as sessionStore from './session-store.ts';
import * as store from './store.ts';
import { vitalsTable, type InfusionView } from './view.ts';

/**
 * A physician lets the first dose go ahead over the pre-dose BP hold, with a reason. The override
 * answers the latest reading only (a higher one later holds again); it shows on the timeline and in
 * the session record.
 */
export function overrideBpHold(
  deps: InfusionDeps,
  caller: Caller,
  id: string,
  input: BpOverrideInput,
): Promise<InfusionView> {
  return change(deps, caller, id, 'infusions.override_hold', 'override_bp_hold', async (tx, row, now) => {
    if (row.stage !== 'precheck') {
      throw conflict('wrong_stage', 'The BP hold applies before the first dose only.');
    }
    const hold = bpHoldOf(row, protocolOf(row), vitalsTable(await store.listVitals(tx, id)));
    if (!hold.held || !hold.reading) {
      throw conflict('no_bp_hold', 'There is no blood-pressure hold to override.');
    }
    const record: BpOverrideRecord = {
      at: now.toISOString(),
      readingAt: hold.reading.at,
      sbp: hold.reading.sbp,
      dbp: hold.reading.dbp,
      reason: input.reason,
      byId: caller.staffId,
      byName: caller.name,
    };
    await sessionStore.setBpOverrides(tx, id, [...hold.overrides, record]);
    // The reason is clinical text: the audit keeps the reading, not the words.
    return { readingAt: record.readingAt, sbp: record.sbp, dbp: record.dbp };
  });
}

/** A modified Aldrete during recovery: the end of phase 1, and what discharge reads for oxygen and waking. */
export function recordRecoveryScore(
  deps: InfusionDeps,
  caller: Caller,
  id: string,
  input: RecoveryScoreInput,
): Promise<InfusionView> {
  return change(deps, caller, id, 'infusions.chart', 'record_recovery_score', async (tx, row, now) => {
    if (row.stage !== 'recovery') {
      throw conflict('wrong_stage', 'Recovery scores are recorded in recovery.');
    }
    const at = input.at ? new Date(input.at) : now;
    if (at.getTime() > now.getTime() + 60_000) {
      throw badRequest('a score cannot be recorded in the future');
    }
    const result = scoreModifiedAldrete(input.items as Record<AldreteItemId, number>);
    // Only the scale's own items are kept (scoring already refused a missing or out-of-range one).
    const items = Object.fromEntries(
      modifiedAldrete.items.map((item) => [item.id, input.items[item.id] as number]),
    );
    await sessionStore.insertRecoveryScore(tx, {
      clinicId: row.clinic_id,
      infusionId: id,
      items,
      total: result.total,
      at,
      by: caller.staffId,
    });
    return { scale: 'aldrete', total: result.total };
  });
}
