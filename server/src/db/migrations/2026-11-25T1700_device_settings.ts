import type { Kysely } from 'kysely';
import { runScript } from '../sql-script.ts';

// Monitor settings staff edit (issue 3): a monitor can be registered before it first sends, so "first
// seen" and "last seen" may be unknown; and one chair has at most one monitor, so two monitors can
// never chart on the same chair's patient.
export async function up(db: Kysely<unknown>): Promise<void> {
  await runScript(
    db,
    `
    -- Defaults stay: the HL7 ingest's upsert (insert id + last_seen_at) still fills both on first sight.
    alter table devices alter column first_seen_at drop not null;
    alter table devices alter column last_seen_at drop not null;

    -- A pre-registered monitor's first message only updates last_seen_at (the ingest's upsert does
    -- not name first_seen_at), so its first sighting is recorded here.
    create function devices_first_seen() returns trigger language plpgsql as $$
    begin
      new.first_seen_at := coalesce(new.first_seen_at, new.last_seen_at);
      return new;
    end;
    $$;
    create trigger devices_first_seen before insert or update on devices
      for each row when (new.first_seen_at is null and new.last_seen_at is not null)
      execute function devices_first_seen();

    -- Before this migration nothing in the app set a chair, but a hand-edited database might hold two
    -- monitors on one chair: the one heard most recently keeps it; the others' messages go to the review
    -- queue (unmatched), where nothing is lost. Row security is lifted for the owner meanwhile, so the
    -- fix sees every clinic's rows whatever role runs migrations.
    alter table devices no force row level security;
    update devices d set chair_id = null
      where d.chair_id is not null and exists (
        select 1 from devices o
        where o.clinic_id = d.clinic_id and o.chair_id = d.chair_id and o.id <> d.id
          and (o.last_seen_at > d.last_seen_at or (o.last_seen_at = d.last_seen_at and o.id < d.id))
      );
    alter table devices force row level security;
    create unique index devices_one_per_chair on devices (clinic_id, chair_id) where chair_id is not null;
  `,
  );
}
