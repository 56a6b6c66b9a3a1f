import { rolesAllowed } from '@openkap/domain/auth/permissions';
import { inClinic } from '../db/clinic-scope.ts';
import type { Caller } from '../auth/caller.ts';
import { requirePermission } from '../auth/permissions.ts';
import { listActiveStaff } from '../clinics/staff-store.ts';
import type { InfusionDeps } from './change.ts';

/** Who may give a dose (physicians and nurses of this clinic): the console's "given by" choices. */
export async function clinicians(deps: InfusionDeps, caller: Caller) {
  requirePermission(caller, 'infusions.read');
  return inClinic(deps.db, caller.clinicId, async (tx) =>
    (await listActiveStaff(tx, rolesAllowed('infusions.chart'))).map((s) => ({
      id: s.id,
      name: s.name,
      role: s.role,
    })),
  );
}
