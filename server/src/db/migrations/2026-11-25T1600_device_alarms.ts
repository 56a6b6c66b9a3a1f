import type { Kysely } from 'kysely';
import { runScript } from '../sql-script.ts';

// Monitor alarms (IHE PCD-04 "Report Alert", ORU^R40): one row per alarm, keyed by the device's event
// id so the start / update / end messages of one alarm land on the same row.
export async function up(db: Kysely<unknown>): Promise<void> {
  await runScript(
    db,
    `
    create table device_alarms (
      id uuid primary key default gen_random_uuid(),
      clinic_id uuid not null references clinics(id),
      device_id text not null,
      patient_id uuid references patients(id),
      infusion_id uuid references infusions(id),
      event_id text not null,
      event_code text,
      text text not null,
      priority text not null check (priority in ('PH','PM','PL','PN')),
      alert_type text check (alert_type in ('SP','ST','SA')),
      source text,
      phase text not null,
      state text,
      inactivation_state text,
      first_at timestamptz not null,
      last_at timestamptz not null,
      ended_at timestamptz,
      acknowledged_at timestamptz,
      acknowledged_by uuid references staff(id),
      note text,
      unique (clinic_id, device_id, event_id)
    );
    create index device_alarms_infusion on device_alarms (infusion_id, first_at);

    alter table device_alarms enable row level security;
    alter table device_alarms force row level security;
    create policy clinic_fence on device_alarms
      using (clinic_id = nullif(current_setting('openkap.clinic_id', true), '')::uuid)
      with check (clinic_id = nullif(current_setting('openkap.clinic_id', true), '')::uuid);
    grant select, insert, update on device_alarms to openkap_app;
  `,
  );
}
