import type { Kysely } from 'kysely';
import { runScript } from '../sql-script.ts';

// Relapses (issue 4): a clinician's judgement that depressive symptoms or substance use returned, dated
// by the clinic day they returned. The outcome report's Kaplan–Meier curve counts the first one on or
// after the end of the induction series as an event, beside the first booster. Kinds mirror
// domain/src/outcomes/relapse.ts.
export async function up(db: Kysely<unknown>): Promise<void> {
  await runScript(
    db,
    `
    create table relapses (
      id uuid primary key default gen_random_uuid(),
      clinic_id uuid not null references clinics(id),
      patient_id uuid not null references patients(id),
      noted_on date not null,
      kind text not null check (kind in ('depressive','substance_use','other')),
      note text check (char_length(note) <= 2000),
      recorded_by uuid not null references staff(id),
      created_at timestamptz not null default now()
    );
    create index relapses_patient on relapses (clinic_id, patient_id, noted_on);
  `,
  );
  // Tenancy fence: the same policy as every clinic-scoped table (2026-11-25T1200_initial).
  for (const t of ['relapses']) {
    await runScript(
      db,
      `
      alter table ${t} enable row level security;
      alter table ${t} force row level security;
      create policy clinic_fence on ${t}
        using (clinic_id = nullif(current_setting('openkap.clinic_id', true), '')::uuid)
        with check (clinic_id = nullif(current_setting('openkap.clinic_id', true), '')::uuid);
      grant select, insert, update on ${t} to openkap_app;
    `,
    );
  }
}
