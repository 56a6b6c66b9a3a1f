import type { Kysely } from 'kysely';
import { runScript } from '../sql-script.ts';

// Ledger follow-ups (issue 10): two new entry kinds, dea_notice (the written notice of a theft or loss
// sent to the DEA, 21 CFR 1301.76(b)) and loss_review (the significant-loss finding on a count
// adjustment), appended and hashed like every entry; and the clinic's ledger rules (back-dating limit,
// significant-loss review threshold), one append-only row per change, the latest in force.
export async function up(db: Kysely<unknown>): Promise<void> {
  await runScript(
    db,
    `
    alter table ledger_entries drop constraint ledger_entries_kind_check;
    alter table ledger_entries add constraint ledger_entries_kind_check check (kind in
      ('receive','draw','administer','waste','return','transfer','dispose','loss','adjust','count','correction',
       'dea_notice','loss_review'));

    create table ledger_settings (
      -- Orders the changes (the latest row is in force) even when two share an instant.
      n bigint generated always as identity primary key,
      clinic_id uuid not null references clinics(id),
      backdate_limit_days integer not null check (backdate_limit_days between 1 and 90),
      loss_review_above_ug integer not null check (loss_review_above_ug between 0 and 10000000),
      changed_by uuid not null references staff(id),
      changed_at timestamptz not null
    );
    create index ledger_settings_latest on ledger_settings (clinic_id, n desc);

    -- Kept like the ledger itself: never changed, never removed; a new row replaces the rules.
    create trigger ledger_settings_append_only before update or delete on ledger_settings
      for each row execute function ledger_append_only();
    create trigger ledger_settings_no_truncate before truncate on ledger_settings
      for each statement execute function ledger_append_only();
    alter table ledger_settings enable row level security;
    alter table ledger_settings force row level security;
    create policy clinic_fence on ledger_settings
      using (clinic_id = nullif(current_setting('openkap.clinic_id', true), '')::uuid)
      with check (clinic_id = nullif(current_setting('openkap.clinic_id', true), '')::uuid);
    grant select, insert on ledger_settings to openkap_app;
  `,
  );
}
