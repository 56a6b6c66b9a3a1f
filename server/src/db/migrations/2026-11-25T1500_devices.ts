import type { Kysely } from 'kysely';
import { runScript } from '../sql-script.ts';

// Bedside monitors (HL7 v2 over MLLP): devices seen, every message received (the review queue for those
// that could not be matched to a patient), and idempotent re-sends of the same reading.
export async function up(db: Kysely<unknown>): Promise<void> {
  await runScript(
    db,
    `
    create table devices (
      id text not null,
      clinic_id uuid not null references clinics(id),
      label text,
      chair_id uuid references chairs(id),
      time_zone text,
      first_seen_at timestamptz not null default now(),
      last_seen_at timestamptz not null default now(),
      primary key (clinic_id, id)
    );

    create table device_messages (
      id uuid primary key default gen_random_uuid(),
      clinic_id uuid not null references clinics(id),
      received_at timestamptz not null default now(),
      control_id text,
      message_type text,
      device_id text,
      raw text not null,
      status text not null check (status in ('stored','unmatched','rejected','assigned')),
      reason text,
      patient_id uuid references patients(id),
      infusion_id uuid references infusions(id),
      observation_count int not null default 0,
      resolved_by uuid references staff(id),
      resolved_at timestamptz
    );
    create index device_messages_queue on device_messages (clinic_id, status, received_at);

    -- A monitor that re-sends a message (no ACK seen) must not chart the reading twice.
    create unique index vital_signs_device_reading on vital_signs (clinic_id, patient_id, device, kind, effective_at)
      where device is not null and source = 'device';
  `,
  );
  for (const t of ['devices', 'device_messages']) {
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
