import type { Kysely } from 'kysely';
import { runScript } from '../sql-script.ts';

// Forward-only. Every clinical row carries clinic_id and is fenced by row-level security; the app
// runs each request's transaction as the non-owner role openkap_app with openkap.clinic_id set.
// Audit rows are append-only (a trigger refuses UPDATE and DELETE).
export async function up(db: Kysely<unknown>): Promise<void> {
  await runScript(
    db,
    `
    -- Roles are cluster-wide: databases migrating at once on one server (tests) may race to create it.
    do $$ begin
      if not exists (select from pg_roles where rolname = 'openkap_app') then create role openkap_app nologin; end if;
    exception when duplicate_object or unique_violation then null;
    end $$;
    do $$ begin
      grant openkap_app to current_user;
    exception when duplicate_object or unique_violation then null;
    end $$;

    create table clinics (
      id uuid primary key default gen_random_uuid(),
      name text not null,
      time_zone text not null default 'America/New_York',
      is_demo boolean not null default false,
      created_at timestamptz not null default now()
    );

    create table staff (
      id uuid primary key default gen_random_uuid(),
      clinic_id uuid not null references clinics(id),
      email text not null unique check (email = lower(email)),
      name text not null,
      role text not null check (role in ('admin','physician','nurse','therapist','front_desk','billing')),
      password_hash text not null,
      disabled_at timestamptz,
      created_at timestamptz not null default now()
    );

    create table staff_sessions (
      token_hash text primary key,
      staff_id uuid not null references staff(id),
      clinic_id uuid not null references clinics(id),
      created_at timestamptz not null default now(),
      expires_at timestamptz not null
    );

    create table audit_events (
      id bigint generated always as identity primary key,
      clinic_id uuid not null references clinics(id),
      actor text not null,
      action text not null,
      entity text not null,
      entity_id text,
      patient_id uuid,
      at timestamptz not null default now(),
      detail jsonb not null default '{}'
    );
    create index audit_events_patient on audit_events (clinic_id, patient_id, at);
    create function audit_events_append_only() returns trigger language plpgsql as $$
      begin raise exception 'audit events are append-only'; end $$;
    create trigger audit_events_no_change before update or delete on audit_events
      for each row execute function audit_events_append_only();

    create table patients (
      id uuid primary key default gen_random_uuid(),
      clinic_id uuid not null references clinics(id),
      mrn text not null,
      given_name text not null,
      family_name text not null,
      birth_date date not null,
      sex text not null default 'unknown',
      phone text,
      email text,
      address text,
      indication_code text not null,
      indication_text text,
      allergies jsonb not null default '[]',
      conditions jsonb not null default '{}',
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      unique (clinic_id, mrn)
    );
    create index patients_name on patients (clinic_id, lower(family_name), lower(given_name));

    create table patient_weights (
      id uuid primary key default gen_random_uuid(),
      clinic_id uuid not null references clinics(id),
      patient_id uuid not null references patients(id),
      kg numeric(6,2) not null check (kg > 0 and kg <= 400),
      measured_on date not null,
      recorded_by uuid references staff(id),
      created_at timestamptz not null default now()
    );
    create index patient_weights_patient on patient_weights (patient_id, measured_on desc);

    create table patient_medications (
      id uuid primary key default gen_random_uuid(),
      clinic_id uuid not null references clinics(id),
      patient_id uuid not null references patients(id),
      name text not null,
      rxnorm_code text,
      dose_mg numeric,
      dose_text text,
      frequency text,
      times_per_day numeric,
      started_on date,
      stopped_on date,
      created_at timestamptz not null default now()
    );
    create index patient_medications_patient on patient_medications (patient_id);

    create table flag_acknowledgements (
      id uuid primary key default gen_random_uuid(),
      clinic_id uuid not null references clinics(id),
      patient_id uuid not null references patients(id),
      flag_code text not null,
      acknowledged_by uuid not null references staff(id),
      at timestamptz not null default now(),
      note text
    );
    create index flag_acknowledgements_patient on flag_acknowledgements (patient_id, flag_code);

    create table protocols (
      id text not null,
      clinic_id uuid not null references clinics(id),
      definition jsonb not null,
      updated_at timestamptz not null default now(),
      updated_by uuid references staff(id),
      primary key (clinic_id, id)
    );

    create table treatment_plans (
      id uuid primary key default gen_random_uuid(),
      clinic_id uuid not null references clinics(id),
      patient_id uuid not null references patients(id),
      protocol_id text not null,
      protocol jsonb not null,
      started_on date not null,
      status text not null default 'active' check (status in ('active','completed','stopped')),
      created_by uuid references staff(id),
      created_at timestamptz not null default now()
    );
    create index treatment_plans_patient on treatment_plans (patient_id, created_at desc);

    create table chairs (
      id uuid primary key default gen_random_uuid(),
      clinic_id uuid not null references clinics(id),
      name text not null,
      position int not null default 0
    );

    create table infusions (
      id uuid primary key default gen_random_uuid(),
      clinic_id uuid not null references clinics(id),
      patient_id uuid not null references patients(id),
      plan_id uuid references treatment_plans(id),
      chair_id uuid references chairs(id),
      stage text not null default 'precheck'
        check (stage in ('precheck','infusing','paused','recovery','discharged','cancelled')),
      stage_since timestamptz not null default now(),
      scheduled_at timestamptz not null default now(),
      protocol jsonb not null,
      prechecks jsonb not null default '{}',
      dose_order jsonb,
      started_at timestamptz,
      ended_at timestamptz,
      total_dose_mg numeric,
      discharge jsonb,
      created_by uuid references staff(id),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );
    create index infusions_patient on infusions (patient_id, scheduled_at);
    create index infusions_board on infusions (clinic_id, stage);

    create table pump_events (
      id uuid primary key default gen_random_uuid(),
      clinic_id uuid not null references clinics(id),
      infusion_id uuid not null references infusions(id),
      kind text not null check (kind in ('start','pause','resume','rate_change','stop')),
      at timestamptz not null,
      rate_ml_per_h numeric,
      note text,
      recorded_by uuid references staff(id)
    );
    create index pump_events_infusion on pump_events (infusion_id, at);

    -- One row per observation (HR, BP, SpO2, RR, temperature) so the FHIR facade can search by code.
    create table vital_signs (
      id uuid primary key default gen_random_uuid(),
      clinic_id uuid not null references clinics(id),
      patient_id uuid not null references patients(id),
      infusion_id uuid references infusions(id),
      kind text not null check (kind in ('hr','bp','spo2','rr','temp')),
      value numeric not null,
      diastolic numeric,
      effective_at timestamptz not null,
      source text not null default 'manual' check (source in ('manual','fhir','device')),
      device text,
      recorded_by uuid references staff(id),
      created_at timestamptz not null default now(),
      check ((kind = 'bp') = (diastolic is not null))
    );
    create index vital_signs_infusion on vital_signs (infusion_id, effective_at);
    create index vital_signs_patient on vital_signs (clinic_id, patient_id, effective_at);

    create table vital_alerts (
      id uuid primary key default gen_random_uuid(),
      clinic_id uuid not null references clinics(id),
      infusion_id uuid not null references infusions(id),
      code text not null,
      vital text not null,
      message text not null,
      value numeric not null,
      limit_value numeric not null,
      since timestamptz not null,
      cleared_at timestamptz,
      acknowledged_at timestamptz,
      acknowledged_by uuid references staff(id),
      note text
    );
    create index vital_alerts_infusion on vital_alerts (infusion_id, since);

    create table side_effects (
      id uuid primary key default gen_random_uuid(),
      clinic_id uuid not null references clinics(id),
      infusion_id uuid not null references infusions(id),
      code text not null,
      severity text not null check (severity in ('mild','moderate','severe')),
      at timestamptz not null,
      note text,
      recorded_by uuid references staff(id)
    );
    create index side_effects_infusion on side_effects (infusion_id, at);

    create table interventions (
      id uuid primary key default gen_random_uuid(),
      clinic_id uuid not null references clinics(id),
      infusion_id uuid not null references infusions(id),
      code text not null,
      dose_text text,
      at timestamptz not null,
      note text,
      recorded_by uuid references staff(id)
    );
    create index interventions_infusion on interventions (infusion_id, at);

    create table questionnaire_responses (
      id uuid primary key default gen_random_uuid(),
      clinic_id uuid not null references clinics(id),
      patient_id uuid not null references patients(id),
      instrument text not null,
      answers jsonb not null,
      total numeric,
      band text,
      complete boolean not null,
      imputed boolean not null default false,
      safety_alert boolean not null default false,
      authored_at timestamptz not null,
      source text not null check (source in ('patient','staff','fhir')),
      entered_by uuid references staff(id),
      created_at timestamptz not null default now()
    );
    create index questionnaire_responses_patient on questionnaire_responses (clinic_id, patient_id, authored_at);

    create table safety_alerts (
      id uuid primary key default gen_random_uuid(),
      clinic_id uuid not null references clinics(id),
      patient_id uuid not null references patients(id),
      kind text not null,
      response_id uuid references questionnaire_responses(id),
      message text not null,
      opened_at timestamptz not null default now(),
      acknowledged_at timestamptz,
      acknowledged_by uuid references staff(id),
      note text
    );
    create index safety_alerts_open on safety_alerts (clinic_id, acknowledged_at);

    create table questionnaire_links (
      token_hash text primary key,
      clinic_id uuid not null references clinics(id),
      patient_id uuid not null references patients(id),
      instruments jsonb not null,
      expires_at timestamptz not null,
      used_at timestamptz,
      created_by uuid references staff(id),
      created_at timestamptz not null default now()
    );

    create table leads (
      id uuid primary key default gen_random_uuid(),
      clinic_id uuid not null references clinics(id),
      name text not null,
      email text,
      phone text,
      interest text not null,
      message text,
      preferred_contact text not null,
      status text not null default 'new' check (status in ('new','contacted','closed')),
      created_at timestamptz not null default now()
    );

    create table api_tokens (
      token_hash text primary key,
      clinic_id uuid not null references clinics(id),
      staff_id uuid not null references staff(id),
      label text not null,
      created_at timestamptz not null default now(),
      revoked_at timestamptz
    );
  `,
  );

  // Tenancy fence: the same policy on every clinic-scoped table.
  const tables = [
    'audit_events',
    'patients',
    'patient_weights',
    'patient_medications',
    'flag_acknowledgements',
    'protocols',
    'treatment_plans',
    'chairs',
    'infusions',
    'pump_events',
    'vital_signs',
    'vital_alerts',
    'side_effects',
    'interventions',
    'questionnaire_responses',
    'safety_alerts',
    'leads',
  ];
  for (const t of tables) {
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
  // Sign-in looks up staff and clinics before a clinic is known; these carry no patient data.
  await runScript(
    db,
    `
    grant select on clinics, staff to openkap_app;
    grant select, insert, delete on staff_sessions, api_tokens to openkap_app;
    grant update (revoked_at) on api_tokens to openkap_app;
    grant select, update on questionnaire_links to openkap_app;
    grant insert on questionnaire_links to openkap_app;
    revoke update on audit_events from openkap_app;
  `,
  );
}
