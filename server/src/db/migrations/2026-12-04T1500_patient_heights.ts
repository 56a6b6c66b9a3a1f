import type { Kysely } from 'kysely';
import { runScript } from '../sql-script.ts';

// Heights (issue 10, bedside safety): recorded like weights, with the day measured. BMI and the
// adjusted or ideal body weight a protocol may dose by need one (domain/src/dosing/dosing-weight.ts).
// 50–250 cm bounds what an adult patient can measure.
export async function up(db: Kysely<unknown>): Promise<void> {
  await runScript(
    db,
    `
    create table patient_heights (
      id uuid primary key default gen_random_uuid(),
      clinic_id uuid not null references clinics(id),
      patient_id uuid not null references patients(id),
      cm numeric(5,1) not null check (cm >= 50 and cm <= 250),
      measured_on date not null,
      recorded_by uuid references staff(id),
      created_at timestamptz not null default now()
    );
    create index patient_heights_patient on patient_heights (patient_id, measured_on desc);
  `,
  );
  // Tenancy fence: the same policy as every clinic-scoped table (2026-11-25T1200_initial).
  for (const t of ['patient_heights']) {
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
