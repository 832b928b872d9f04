-- What volunteer-service knows of visits, kept from event-service's events only (never its database).
create table visit_plan (
    visit_id    uuid primary key,
    version     bigint      not null,
    status      text        not null,
    theme       text        not null,
    site_name   text        not null,
    time_zone   text        not null,
    starts_at   timestamptz not null,
    ends_at     timestamptz not null,
    updated_at  timestamptz not null default now()
);

-- Items and needs that leave the programme are marked removed, never deleted: their assignments keep a history.
create table programme_slot (
    item_id    uuid primary key,
    visit_id   uuid        not null references visit_plan (visit_id),
    title      text        not null,
    starts_at  timestamptz not null,
    ends_at    timestamptz not null,
    team_slots integer     not null,
    removed_at timestamptz
);

-- One row per role an item needs. confirmed only grows through a guarded update, so it never passes headcount.
create table staffing_need (
    item_id    uuid        not null references programme_slot (item_id),
    role       text        not null,
    skills     text[]      not null,
    headcount  integer     not null,
    confirmed  integer     not null default 0,
    removed_at timestamptz,
    primary key (item_id, role),
    constraint staffing_need_never_overfilled check (confirmed between 0 and headcount)
);

create table volunteer (
    id          uuid primary key default gen_random_uuid(),
    subject     text unique,
    name        text        not null,
    phone       text,
    email       text,
    skills      text[]      not null,
    languages   text[]      not null,
    district    text,
    locale      text        not null,
    time_zone   text        not null,
    created_at  timestamptz not null default now(),
    version     bigint      not null default 0
);

create sequence waitlist_order;

create table assignment (
    id               uuid primary key default gen_random_uuid(),
    item_id          uuid        not null references programme_slot (item_id),
    role             text        not null,
    volunteer_id     uuid        not null references volunteer (id),
    status           text        not null,
    offered_at       timestamptz not null,
    offer_expires_at timestamptz not null,
    answered_at      timestamptz,
    waitlist_order   bigint,
    version          bigint      not null default 0,
    foreign key (item_id, role) references staffing_need (item_id, role)
);

-- A person holds at most one live assignment per role of an item.
create unique index assignment_one_live_per_person on assignment (item_id, role, volunteer_id)
    where status in ('OFFERED', 'CONFIRMED', 'WAITLISTED');
