import type { Kysely } from 'kysely';
import { runScript } from '../sql-script.ts';

// Psychotherapy sessions held around dosing (issue 4): preparation, during dosing, integration, MET,
// relapse prevention. The summary is the clinical progress-note summary the care team reads; process
// notes stay out of the chart. Kinds, attendance and the minute range mirror domain/src/therapy/schema.ts.
export async function up(db: Kysely<unknown>): Promise<void> {
  await runScript(
    db,
    `
    create table therapy_sessions (
      id uuid primary key default gen_random_uuid(),
      clinic_id uuid not null references clinics(id),
      patient_id uuid not null references patients(id),
      therapist_id uuid not null references staff(id),
      kind text not null check (kind in (
        'preparation','during_dosing','integration','motivational_enhancement','relapse_prevention','other'
      )),
      held_at timestamptz not null,
      minutes int check (minutes between 5 and 240),
      attendance text not null check (attendance in ('attended','cancelled_late','no_show')),
      infusion_id uuid references infusions(id),
      summary text check (char_length(summary) <= 2000),
      recorded_by uuid not null references staff(id),
      created_at timestamptz not null default now(),
      -- Minutes are time spent with the patient: present exactly when they attended.
      check ((attendance = 'attended') = (minutes is not null))
    );
    create index therapy_sessions_patient on therapy_sessions (clinic_id, patient_id, held_at);
  `,
  );
  // Tenancy fence: the same policy as every clinic-scoped table (2026-11-25T1200_initial).
  for (const t of ['therapy_sessions']) {
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
