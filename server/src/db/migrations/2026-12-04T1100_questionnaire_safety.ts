import type { Kysely } from 'kysely';
import { runScript } from '../sql-script.ts';

// Issue 10 (questionnaires and suicide risk):
// - questionnaire_responses.declined_items: the items the patient chose "prefer not to answer" for
//   (linkIds), so the safety task for an unanswered PHQ-9 item 9 can say the patient declined.
// - clinic_settings: one JSON object of a clinic's own settings (domain/src/clinics/settings.ts), e.g.
//   the MADRS item-10 alert level; a setting missing from the object reads as its default.
export async function up(db: Kysely<unknown>): Promise<void> {
  await runScript(
    db,
    `
    alter table questionnaire_responses
      add column declined_items jsonb not null default '[]' check (jsonb_typeof(declined_items) = 'array');

    create table clinic_settings (
      clinic_id uuid primary key references clinics(id),
      settings jsonb not null default '{}' check (jsonb_typeof(settings) = 'object'),
      updated_at timestamptz not null default now(),
      updated_by uuid references staff(id)
    );
  `,
  );
  // Tenancy fence: the same policy as every clinic-scoped table (2026-11-25T1200_initial).
  for (const t of ['clinic_settings']) {
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
