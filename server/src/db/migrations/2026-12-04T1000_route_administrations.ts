import type { Kysely } from 'kysely';
import { runScript } from '../sql-script.ts';

// Issue 10, bedside safety. IM injections and intranasal device administrations (an IV session is
// its pump run); phase-1 recovery scores (modified Aldrete) kept apart from the PADSS that sends a
// patient home; who gave the dose of an IV session; physicians' overrides of the pre-dose BP hold.
export async function up(db: Kysely<unknown>): Promise<void> {
  await runScript(
    db,
    `
    create table dose_administrations (
      id uuid primary key default gen_random_uuid(),
      clinic_id uuid not null references clinics(id),
      infusion_id uuid not null references infusions(id),
      route text not null check (route in ('im','intranasal')),
      at timestamptz not null,
      dose_mg numeric not null check (dose_mg > 0),
      volume_ml numeric check (volume_ml > 0),
      site text check (site in ('deltoid','ventrogluteal','vastus_lateralis')),
      side text check (side in ('left','right')),
      devices integer check (devices between 1 and 20),
      nostril text check (nostril in ('left','right','both')),
      administered_by uuid not null references staff(id),
      recorded_by uuid not null references staff(id),
      note text check (char_length(note) <= 1000),
      created_at timestamptz not null default now(),
      check ((route = 'im') = (site is not null and volume_ml is not null)),
      check ((route = 'intranasal') = (devices is not null and nostril is not null))
    );
    create index dose_administrations_infusion on dose_administrations (infusion_id, at);

    create table recovery_scores (
      id uuid primary key default gen_random_uuid(),
      clinic_id uuid not null references clinics(id),
      infusion_id uuid not null references infusions(id),
      scale text not null check (scale in ('aldrete')),
      items jsonb not null,
      total integer not null check (total between 0 and 10),
      at timestamptz not null,
      recorded_by uuid not null references staff(id),
      created_at timestamptz not null default now()
    );
    create index recovery_scores_infusion on recovery_scores (infusion_id, at);

    alter table infusions add column administered_by uuid references staff(id);
    alter table infusions add column bp_overrides jsonb not null default '[]';
  `,
  );
  // Tenancy fence: the same policy as every clinic-scoped table (2026-11-25T1200_initial).
  for (const t of ['dose_administrations', 'recovery_scores']) {
    await runScript(
      db,
      `
      alter table ${t} enable row level security;
      alter table ${t} force row level security;
      create policy clinic_fence on ${t}
        using (clinic_id = nullif(current_setting('openkap.clinic_id', true), '')::uuid)
        with check (clinic_id = nullif(current_setting('openkap.clinic_id', true), '')::uuid);
      grant select, insert on ${t} to openkap_app;
    `,
    );
  }
}
