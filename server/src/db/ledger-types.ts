import type { ColumnType, Generated } from 'kysely';

// Row types of the controlled-substance ledger tables (migrations/2026-11-26T1100_ledger.ts).
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type DateOnly = ColumnType<string, string, string>;
type JsonDefault<T extends object> = ColumnType<T, string | undefined, string>;

export interface LedgerLocationsTable {
  id: Generated<string>;
  clinic_id: string;
  name: string;
  dea_registration: string;
  address: string;
  storage: string;
  created_by: string;
  created_at: Timestamp;
}

export interface LedgerProductsTable {
  id: Generated<string>;
  clinic_id: string;
  name: string;
  ndc: string;
  form: string;
  mg_per_ml: number;
  container_ml: number;
  created_by: string;
  created_at: Timestamp;
}

export interface LedgerContainersTable {
  id: Generated<string>;
  clinic_id: string;
  product_id: string;
  location_id: string;
  label: string;
  lot: string;
  expires_on: DateOnly;
  capacity_ug: number;
  created_at: Timestamp;
}

export interface LedgerEntriesTable {
  id: Generated<string>;
  clinic_id: string;
  seq: number;
  kind: string;
  location_id: string;
  container_id: string | null;
  infusion_id: string | null;
  patient_id: string | null;
  quantity_ug: number;
  container_delta_ug: number;
  drawn_delta_ug: number;
  actor_id: string;
  witness_id: string | null;
  witnessed_at: Date | null;
  occurred_at: Timestamp;
  recorded_at: Timestamp;
  refers_to_seq: number | null;
  to_location_id: string | null;
  reason: string | null;
  details: JsonDefault<Record<string, unknown>>;
  prev_hash: string;
  hash: string;
}

/** The clinic's ledger rules, one row per change (migrations/2026-12-04T1400_ledger_followups.ts). */
export interface LedgerSettingsTable {
  n: Generated<string>;
  clinic_id: string;
  backdate_limit_days: number;
  loss_review_above_ug: number;
  changed_by: string;
  changed_at: Timestamp;
}

export interface LedgerChainHeadsTable {
  clinic_id: string;
  seq: number;
  hash: string;
}

export interface LedgerTables {
  ledger_locations: LedgerLocationsTable;
  ledger_products: LedgerProductsTable;
  ledger_containers: LedgerContainersTable;
  ledger_entries: LedgerEntriesTable;
  ledger_chain_heads: LedgerChainHeadsTable;
  ledger_settings: LedgerSettingsTable;
}
