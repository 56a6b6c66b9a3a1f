import { roleCan } from '@openkap/domain/auth/permissions';
import type { StaffRole } from '@openkap/domain/auth/schema';
import type { DoseOrder } from '@openkap/domain/dosing/dose-order';
import type { Tx } from '../db/clinic-scope.ts';
import type { Caller } from '../auth/caller.ts';
import { conflict, refused } from '../http/errors.ts';
import { findActiveStaff } from '../clinics/staff-store.ts';
import { requireDoseDrawn } from '../ledger/infusion-link.ts';
import type { InfusionRow } from './store.ts';
import { loadInfusion } from './view.ts';

/**
 * What must be true before the first drop, whatever the route (first pump start or first dose):
 * the checklist done, a dose ordered, no BP hold, and the dose drawn from a logged vial.
 */
export async function assertReadyToStart(tx: Tx, row: InfusionRow, now: Date): Promise<DoseOrder> {
  const view = await loadInfusion(tx, row.id, now);
  if (!view.prechecks.complete) {
    throw conflict('prechecks_incomplete', `Before starting: ${view.prechecks.missing.join('; ')}.`);
  }
  const order = row.dose_order as unknown as DoseOrder | null;
  if (!order) {
    throw conflict('no_dose_order', 'Order the dose before starting.');
  }
  if (view.bpHold.held) {
    throw conflict('bp_hold', `${view.bpHold.message ?? 'Blood pressure hold'}.`);
  }
  await requireDoseDrawn(tx, row, order.doseMg);
  return order;
}

/**
 * The clinician who gives the dose: someone chosen in the console, else whoever charts it. Only an
 * active physician or nurse of this clinic (infusions.chart) can be named.
 */
export async function resolveAdministrator(
  tx: Tx,
  caller: Caller,
  staffId: string | undefined,
): Promise<string> {
  if (staffId === undefined || staffId === caller.staffId) {
    return caller.staffId;
  }
  const staff = await findActiveStaff(tx, staffId);
  if (!staff || !roleCan(staff.role as StaffRole, 'infusions.chart')) {
    throw refused(
      'administrator_not_allowed',
      'The dose can be given only by an active physician or nurse of this clinic.',
    );
  }
  return staff.id;
}
