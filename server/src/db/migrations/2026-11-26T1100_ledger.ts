import type { Kysely } from 'kysely';
import { runScript } from '../sql-script.ts';

// The controlled-substance ledger (issue 5; 21 CFR 1304). Records are append-only in the database
// itself: a trigger refuses UPDATE, DELETE and TRUNCATE on every ledger table for every role, the
// app role is granted only SELECT and INSERT, and each entry carries a SHA-256 chained to the previous
// entry's (domain/src/ledger/canonical.ts) so a change made with the triggers disabled is still found
// by `npm run openkap -- ledger verify`. Quantities are whole micrograms.
export async function up(db: Kysely<unknown>): Promise<void> {
  await runScript(
    db,
    `
    -- A DEA-registered location: records are kept per registration (21 CFR 1304.04, 1301.12).
    create table ledger_locations (
      id uuid primary key default gen_random_uuid(),
      clinic_id uuid not null references clinics(id),
      name text not null,
      dea_registration text not null check (dea_registration ~ '^[A-Z]{2}[0-9]{7}$'),
      address text not null,
      -- The securely locked cabinet (21 CFR 1301.75(b)).
      storage text not null,
      created_by uuid not null references staff(id),
      created_at timestamptz not null default now(),
      unique (clinic_id, dea_registration)
    );

    create table ledger_products (
      id uuid primary key default gen_random_uuid(),
      clinic_id uuid not null references clinics(id),
      name text not null,
      ndc text not null check (ndc ~ '^[0-9]{4,5}-[0-9]{3,4}-[0-9]{1,2}$'),
      form text not null,
      mg_per_ml numeric not null check (mg_per_ml > 0 and mg_per_ml <= 500),
      container_ml numeric not null check (container_ml > 0 and container_ml <= 100),
      created_by uuid not null references staff(id),
      created_at timestamptz not null default now(),
      unique (clinic_id, ndc)
    );

    -- One vial. Where it is now and what it holds are sums over its entries, never stored here.
    create table ledger_containers (
      id uuid primary key default gen_random_uuid(),
      clinic_id uuid not null references clinics(id),
      product_id uuid not null references ledger_products(id),
      location_id uuid not null references ledger_locations(id),
      -- The clinic's own label on the vial, e.g. K-0042, unique per clinic.
      label text not null,
      lot text not null,
      expires_on date not null,
      capacity_ug integer not null check (capacity_ug > 0),
      created_at timestamptz not null default now(),
      unique (clinic_id, label)
    );

    create table ledger_entries (
      id uuid primary key default gen_random_uuid(),
      clinic_id uuid not null references clinics(id),
      -- The clinic's running number: the order of the hash chain, without gaps.
      seq integer not null check (seq > 0),
      kind text not null check (kind in
        ('receive','draw','administer','waste','return','transfer','dispose','loss','adjust','count','correction')),
      location_id uuid not null references ledger_locations(id),
      container_id uuid references ledger_containers(id),
      infusion_id uuid references infusions(id),
      patient_id uuid references patients(id),
      quantity_ug integer not null,
      container_delta_ug integer not null,
      drawn_delta_ug integer not null,
      actor_id uuid not null references staff(id),
      witness_id uuid references staff(id),
      witnessed_at timestamptz,
      occurred_at timestamptz not null,
      recorded_at timestamptz not null,
      refers_to_seq integer,
      to_location_id uuid references ledger_locations(id),
      reason text,
      details jsonb not null default '{}',
      prev_hash text not null check (prev_hash ~ '^[0-9a-f]{64}$'),
      hash text not null check (hash ~ '^[0-9a-f]{64}$'),
      unique (clinic_id, seq),
      check (witness_id is null or witness_id <> actor_id)
    );
    create index ledger_entries_container on ledger_entries (clinic_id, container_id, seq);
    create index ledger_entries_infusion on ledger_entries (clinic_id, infusion_id, seq);
    create index ledger_entries_patient on ledger_entries (clinic_id, patient_id, occurred_at);
    create index ledger_entries_when on ledger_entries (clinic_id, occurred_at);

    -- Where each clinic's chain ends. Writers lock this row, so entries are numbered and chained one at
    -- a time and every balance is read after the lock: two nurses drawing from one vial at once are
    -- serialized and the second sees the first's draw.
    create table ledger_chain_heads (
      clinic_id uuid primary key references clinics(id),
      seq integer not null,
      hash text not null
    );

    create function ledger_append_only() returns trigger language plpgsql as $$
      begin raise exception 'controlled-substance records are append-only: record a correction instead'; end $$;
    `,
  );
  const tables = ['ledger_locations', 'ledger_products', 'ledger_containers', 'ledger_entries'];
  for (const t of tables) {
    await runScript(
      db,
      `
      create trigger ${t}_append_only before update or delete on ${t}
        for each row execute function ledger_append_only();
      create trigger ${t}_no_truncate before truncate on ${t}
        for each statement execute function ledger_append_only();
      alter table ${t} enable row level security;
      alter table ${t} force row level security;
      create policy clinic_fence on ${t}
        using (clinic_id = nullif(current_setting('openkap.clinic_id', true), '')::uuid)
        with check (clinic_id = nullif(current_setting('openkap.clinic_id', true), '')::uuid);
      grant select, insert on ${t} to openkap_app;
    `,
    );
  }
  await runScript(
    db,
    `
    alter table ledger_chain_heads enable row level security;
    alter table ledger_chain_heads force row level security;
    create policy clinic_fence on ledger_chain_heads
      using (clinic_id = nullif(current_setting('openkap.clinic_id', true), '')::uuid)
      with check (clinic_id = nullif(current_setting('openkap.clinic_id', true), '')::uuid);
    grant select, insert, update on ledger_chain_heads to openkap_app;
    `,
  );
}
