-- Programme brands such as the Volunteer Service Caravan.
create table caravan (
    id          uuid primary key default gen_random_uuid(),
    name        text        not null unique,
    description text,
    created_at  timestamptz not null default now()
);

-- Places visited. Times of visits there are entered and shown in the site's time zone.
create table site (
    id            uuid primary key default gen_random_uuid(),
    name          text        not null,
    kind          text        not null,
    district      text        not null,
    address       text        not null,
    time_zone     text        not null,
    lat           double precision,
    lon           double precision,
    contact_name  text,
    contact_phone text,
    contact_email text,
    created_at    timestamptz not null default now(),
    version       bigint      not null default 0
);

-- A visit and its programme form one aggregate: every change to either raises the visit's version.
create table visit (
    id                uuid primary key default gen_random_uuid(),
    caravan_id        uuid        not null references caravan (id),
    site_id           uuid        not null references site (id),
    theme             text        not null,
    starts_at         timestamptz not null,
    ends_at           timestamptz not null,
    expected_audience integer     not null,
    status            text        not null,
    status_reason     text,
    created_by        text        not null,
    created_at        timestamptz not null,
    updated_at        timestamptz not null,
    version           bigint      not null default 0,
    constraint visit_ends_after_it_starts check (ends_at > starts_at)
);

create index visit_by_start on visit (starts_at);

create table programme_item (
    id               uuid primary key default gen_random_uuid(),
    visit_id         uuid        not null references visit (id) on delete cascade,
    title            text        not null,
    kind             text        not null,
    starts_at        timestamptz not null,
    duration_minutes integer     not null,
    needs            jsonb       not null default '[]',
    team_slots       integer     not null default 0,
    created_at       timestamptz not null
);

create index programme_item_by_visit on programme_item (visit_id, starts_at);
