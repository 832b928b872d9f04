create table visit (
    id           uuid primary key default gen_random_uuid(),
    title        text        not null,
    site_name    text        not null,
    starts_at    timestamp   not null,
    ends_at      timestamp   not null,
    time_zone    text        not null,
    status       text        not null,
    scheduled_by text        not null,
    created_at   timestamptz not null default now(),
    version      bigint      not null default 0,
    constraint visit_ends_after_it_starts check (ends_at > starts_at)
);

create index visit_starts_at on visit (starts_at);
