import { Migrator, type Kysely, type Migration } from 'kysely';
import type { DB } from './types.ts';
import * as initial from './migrations/2026-11-25T1200_initial.ts';
import * as devices from './migrations/2026-11-25T1500_devices.ts';
import * as deviceAlarms from './migrations/2026-11-25T1600_device_alarms.ts';
import * as deviceSettings from './migrations/2026-11-25T1700_device_settings.ts';
import * as therapySessions from './migrations/2026-11-26T1000_therapy_sessions.ts';
import * as ledger from './migrations/2026-11-26T1100_ledger.ts';
import * as outcomeSummary from './migrations/2026-11-26T1200_outcome_summary.ts';
import * as relapses from './migrations/2026-11-26T1300_relapses.ts';
import * as routeAdministrations from './migrations/2026-12-04T1000_route_administrations.ts';
import * as questionnaireSafety from './migrations/2026-12-04T1100_questionnaire_safety.ts';
import * as outcomeWindow from './migrations/2026-12-04T1300_outcome_window.ts';
import * as ledgerFollowups from './migrations/2026-12-04T1400_ledger_followups.ts';
import * as patientHeights from './migrations/2026-12-04T1500_patient_heights.ts';

// Timestamp-named, forward-only. Kysely's Postgres adapter takes an advisory lock for the run,
// so several servers starting at once migrate exactly once.
const migrations: Record<string, Migration> = {
  '2026-11-25T1200_initial': initial,
  '2026-11-25T1500_devices': devices,
  '2026-11-25T1600_device_alarms': deviceAlarms,
  '2026-11-25T1700_device_settings': deviceSettings,
  '2026-11-26T1000_therapy_sessions': therapySessions,
  '2026-11-26T1100_ledger': ledger,
  '2026-11-26T1200_outcome_summary': outcomeSummary,
  '2026-11-26T1300_relapses': relapses,
  '2026-12-04T1000_route_administrations': routeAdministrations,
  '2026-12-04T1100_questionnaire_safety': questionnaireSafety,
  '2026-12-04T1300_outcome_window': outcomeWindow,
  '2026-12-04T1400_ledger_followups': ledgerFollowups,
  '2026-12-04T1500_patient_heights': patientHeights,
};

export async function migrate(db: Kysely<DB>): Promise<string[]> {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
    migrationTableName: 'openkap_migrations',
    migrationLockTableName: 'openkap_migrations_lock',
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    throw error instanceof Error ? error : new Error(String(error));
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
