import type { ColumnType, Generated, JSONColumnType } from 'kysely';

// Row types of the issue-10 session tables (migrations/2026-12-04T1000_route_administrations.ts).
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export interface DoseAdministrationsTable {
  id: Generated<string>;
  clinic_id: string;
  infusion_id: string;
  route: string;
  at: Timestamp;
  dose_mg: ColumnType<string, number, number>;
  volume_ml: ColumnType<string | null, number | null, number | null>;
  site: string | null;
  side: string | null;
  devices: number | null;
  nostril: string | null;
  administered_by: string;
  recorded_by: string;
  note: string | null;
  created_at: Timestamp;
}

export interface RecoveryScoresTable {
  id: Generated<string>;
  clinic_id: string;
  infusion_id: string;
  scale: string;
  items: JSONColumnType<Record<string, number>, string, string>;
  total: number;
  at: Timestamp;
  recorded_by: string;
  created_at: Timestamp;
}

/** One physician's override of the pre-dose BP hold (infusions.bp_overrides). */
export interface BpOverrideRecord {
  at: string;
  /** The reading it answered. */
  readingAt: string;
  sbp: number;
  dbp: number;
  reason: string;
  byId: string;
  byName: string;
}

export interface SessionTables {
  dose_administrations: DoseAdministrationsTable;
  recovery_scores: RecoveryScoresTable;
}
