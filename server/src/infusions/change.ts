import type { Kysely } from 'kysely';
import { nextStage, type SessionEvent, type SessionStage } from '@openkap/domain';
import type { DB } from '../db/types.ts';
import { inClinic, type Tx } from '../db/clinic-scope.ts';
import type { Caller } from '../auth/caller.ts';
import { requirePermission, type Permission } from '../auth/permissions.ts';
import { audit } from '../audit/store.ts';
import { conflict, notFound } from '../http/errors.ts';
import * as store from './store.ts';
import { loadInfusion, type InfusionView } from './view.ts';
import type { LiveInfusions } from './live.ts';

export interface InfusionDeps {
  db: Kysely<DB>;
  live: LiveInfusions;
  now: () => Date;
}

/**
 * Runs one change to a session: locks the row, applies `work`, audits, commits, then tells the
 * live consoles. The view returned is read inside the same transaction.
 */
export async function change(
  deps: InfusionDeps,
  caller: Caller,
  id: string,
  permission: Permission,
  action: string,
  work: (tx: Tx, row: store.InfusionRow, now: Date) => Promise<Record<string, unknown> | undefined>,
): Promise<InfusionView> {
  requirePermission(caller, permission);
  const now = deps.now();
  const view = await inClinic(deps.db, caller.clinicId, async (tx) => {
    const row = await store.findInfusion(tx, id, { forUpdate: true });
    if (!row) {
      throw notFound('infusion');
    }
    const detail = (await work(tx, row, now)) ?? {};
    await audit(tx, caller, { action, entity: 'infusion', entityId: id, patientId: row.patient_id, detail });
    return loadInfusion(tx, id, now);
  });
  deps.live.changed(id);
  return view;
}

/** Charting on a discharged or cancelled session is refused. */
export function assertOpen(stage: string): void {
  if (stage === 'discharged' || stage === 'cancelled') {
    throw conflict('session_closed', 'This session is closed.');
  }
}

export function advance(stage: string, event: SessionEvent): SessionStage {
  return nextStage(stage as SessionStage, event);
}
