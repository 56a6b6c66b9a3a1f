import type { Kysely } from 'kysely';
import {
  clinicSettingsOf,
  defaultClinicSettings,
  type ClinicSettings,
  type ClinicSettingsUpdate,
  type ClinicSettingsView,
} from '@openkap/domain/clinics/settings';
import type { Caller } from '../auth/caller.ts';
import { requirePermission } from '../auth/permissions.ts';
import { audit } from '../audit/store.ts';
import { inClinic, type Tx } from '../db/clinic-scope.ts';
import type { DB } from '../db/types.ts';
import * as store from './store.ts';

/** The clinic's settings inside a transaction already fenced to it (scoring reads its thresholds). */
export async function clinicSettings(tx: Tx, clinicId: string): Promise<ClinicSettings> {
  return clinicSettingsOf(await store.findSettings(tx, clinicId));
}

/** Any signed-in staff member may read them: they say what opens a safety alert. */
export async function readSettings(db: Kysely<DB>, caller: Caller): Promise<ClinicSettingsView> {
  return inClinic(db, caller.clinicId, async (tx) => ({
    settings: await clinicSettings(tx, caller.clinicId),
    defaults: defaultClinicSettings,
  }));
}

/** Changes the named settings; who changed what, from and to, is audited. */
export async function updateSettings(
  db: Kysely<DB>,
  caller: Caller,
  update: ClinicSettingsUpdate,
  now: Date,
): Promise<ClinicSettingsView> {
  requirePermission(caller, 'settings.edit');
  return inClinic(db, caller.clinicId, async (tx) => {
    const before = await clinicSettings(tx, caller.clinicId);
    const after: ClinicSettings = { ...before, ...update };
    await store.saveSettings(tx, { clinicId: caller.clinicId, settings: after, by: caller.staffId, at: now });
    const changes = Object.fromEntries(
      (Object.keys(update) as (keyof ClinicSettings)[])
        .filter((k) => before[k] !== after[k])
        .map((k) => [k, { from: before[k], to: after[k] }]),
    );
    await audit(tx, caller, { action: 'update', entity: 'clinic_settings', detail: { changes } });
    return { settings: after, defaults: defaultClinicSettings };
  });
}
