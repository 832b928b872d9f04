-- Where each visit takes place, for travel time between sites and for suggestions by district.
alter table visit_plan
    add column site_id       uuid,
    add column site_district text,
    add column site_lat      double precision,
    add column site_lon      double precision;

-- How a volunteer wants to be told (contracts' ContactPreferences) and when they can serve.
alter table volunteer
    add column contact_preferences jsonb not null default '{"channels": ["INBOX"], "quietHours": null, "webhookUrl": null}',
    add column availability        jsonb not null default '{"weekly": [], "exceptions": []}',
    add column calendar_token_hash text unique;

create table team (
    id                uuid primary key default gen_random_uuid(),
    name              text        not null unique,
    lead_volunteer_id uuid        not null references volunteer (id),
    skills            text[]      not null,
    created_at        timestamptz not null default now()
);

create table team_member (
    team_id      uuid not null references team (id),
    volunteer_id uuid not null references volunteer (id),
    primary key (team_id, volunteer_id)
);

-- A team's assignment is answered by its lead (volunteer_id); reconfirmation, overrides and attendance live here too.
alter table assignment
    add column team_id                     uuid references team (id),
    add column conflict_override_reason    text,
    add column conflict_overridden_by      text,
    add column reconfirmation_requested_at timestamptz,
    add column checked_in_at               timestamptz,
    add column checked_out_at              timestamptz;

create unique index assignment_one_live_per_team on assignment (item_id, team_id)
    where team_id is not null and status in ('OFFERED', 'CONFIRMED', 'WAITLISTED');

create index assignment_by_volunteer on assignment (volunteer_id, status);
create index assignment_expiring_offers on assignment (offer_expires_at) where status = 'OFFERED';

-- Service hours are an append-only ledger: COMPUTED at check-out, CORRECTION (signed), CERTIFIED (the total
-- certified at that moment, not added). Chinese volunteer regulations want the record truthful, so the
-- database itself refuses edits and deletions.
create table service_hours_entry (
    id            uuid primary key default gen_random_uuid(),
    assignment_id uuid          not null references assignment (id),
    volunteer_id  uuid          not null references volunteer (id),
    kind          text          not null check (kind in ('COMPUTED', 'CORRECTION', 'CERTIFIED')),
    hours         numeric(6, 2) not null,
    reason        text,
    author        text          not null,
    recorded_at   timestamptz   not null default now()
);

create index service_hours_by_volunteer on service_hours_entry (volunteer_id, recorded_at);

create function service_hours_are_never_edited() returns trigger language plpgsql as $$
begin
    raise exception 'service hours are never edited or deleted; add a correction instead';
end;
$$;

create trigger service_hours_append_only before update or delete on service_hours_entry
    for each statement execute function service_hours_are_never_edited();
