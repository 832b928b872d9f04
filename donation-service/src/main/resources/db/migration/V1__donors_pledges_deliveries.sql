-- What donation-service knows of sites and visits, kept from event-service's events only (never its database).
create table known_site (
    site_id   uuid primary key,
    name      text not null,
    district  text,
    time_zone text not null
);

create table visit_plan (
    visit_id  uuid primary key,
    version   bigint      not null,
    status    text        not null,
    theme     text        not null,
    site_id   uuid        not null references known_site (site_id),
    starts_at timestamptz not null,
    ends_at   timestamptz not null
);

create table donor (
    id              uuid primary key default gen_random_uuid(),
    name            text        not null,
    kind            text        not null check (kind in ('ORGANISATION', 'TEAM', 'INDIVIDUAL')),
    contact_name    text,
    contact_phone   text,
    contact_email   text,
    liaison_subject text,
    created_at      timestamptz not null default now(),
    unique (name, kind)
);

create index donor_by_liaison on donor (liaison_subject);

create table donation_programme (
    id             uuid primary key default gen_random_uuid(),
    donor_id       uuid        not null references donor (id),
    site_id        uuid        not null references known_site (site_id),
    items          jsonb       not null,
    interval_weeks integer     not null check (interval_weeks between 1 and 52),
    starts_on      date        not null,
    ends_on        date,
    next_pledge_on date,
    note           text,
    created_by     text        not null,
    created_at     timestamptz not null default now()
);

create table pledge (
    id           uuid primary key default gen_random_uuid(),
    donor_id     uuid        not null references donor (id),
    visit_id     uuid references visit_plan (visit_id),
    site_id      uuid        not null references known_site (site_id),
    status       text        not null,
    note         text,
    programme_id uuid references donation_programme (id),
    created_at   timestamptz not null default now(),
    version      bigint      not null default 0
);

create index pledge_by_visit on pledge (visit_id);
create index pledge_by_donor on pledge (donor_id);

-- The rule of the issue, kept by the database too: nothing is delivered before it was dispatched, nothing
-- dispatched before it was received, and more received than pledged only with a stated reason.
create table pledge_line (
    pledge_id            uuid    not null references pledge (id),
    line                 integer not null,
    kind                 text    not null,
    description          text    not null,
    quantity             bigint  not null check (quantity > 0),
    unit                 text    not null,
    value_minor          bigint check (value_minor >= 0),
    currency             text,
    received             bigint  not null default 0,
    dispatched           bigint  not null default 0,
    delivered            bigint  not null default 0,
    over_delivery_reason text,
    primary key (pledge_id, line),
    constraint quantities_follow_each_other check (0 <= delivered and delivered <= dispatched and dispatched <= received),
    constraint over_delivery_has_a_reason check (received <= quantity or over_delivery_reason is not null)
);

create table delivery (
    id               uuid primary key default gen_random_uuid(),
    pledge_id        uuid        not null references pledge (id),
    delivered_at     timestamptz not null,
    received_by_name text        not null,
    received_by_role text        not null,
    signature_ref    text,
    recorded_by      text        not null
);

create table delivery_line (
    delivery_id uuid    not null references delivery (id),
    line        integer not null,
    quantity    bigint  not null check (quantity > 0),
    primary key (delivery_id, line)
);

create table pledge_history (
    id        bigserial primary key,
    pledge_id uuid        not null references pledge (id),
    at        timestamptz not null default clock_timestamp(),
    actor     text        not null,
    action    text        not null,
    detail    text
);

create table acknowledgement (
    id          uuid primary key default gen_random_uuid(),
    visit_id    uuid        not null references visit_plan (visit_id),
    donor_id    uuid references donor (id),
    team_name   text,
    description text        not null,
    recorded_by text        not null,
    recorded_at timestamptz not null default now(),
    constraint given_to_someone check (donor_id is not null or team_name is not null)
);
