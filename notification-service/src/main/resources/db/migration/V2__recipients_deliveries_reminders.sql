-- Who can be told what, and how: from volunteer-service's events (volunteers, keyed 'volunteer:<id>') and from
-- tokens' subjects (coordinators, donor liaisons, keyed 'subject:<sub>', reached in the inbox).
create table recipient (
    key         text primary key,
    subject     text,
    name        text,
    email       text,
    locale      text        not null default 'zh-CN',
    time_zone   text        not null default 'Asia/Shanghai',
    channels    text[]      not null default '{INBOX}',
    quiet_from  time,
    quiet_to    time,
    webhook_url text,
    updated_at  timestamptz not null default now()
);

-- The coordinator who scheduled each visit hears about its staffing.
create table visit_coordinator (
    visit_id uuid primary key,
    subject  text not null
);

-- One row per (event, recipient, rank): rank 0 is the inbox copy every notice gets; rank 1.. are the recipient's
-- other channels in order of preference, the next one made only when the one before failed for good. The unique
-- key is what makes a redelivered event, a replayed topic or a restart send nothing twice.
create table delivery (
    id              uuid primary key default gen_random_uuid(),
    event_id        uuid        not null,
    recipient       text        not null,
    rank            integer     not null,
    channel         text,
    kind            text        not null,
    subject_id      text        not null,
    params          jsonb       not null,
    urgent          boolean     not null,
    status          text        not null,
    attempts        integer     not null default 0,
    next_attempt_at timestamptz not null,
    last_error      text,
    created_at      timestamptz not null default now(),
    unique (event_id, recipient, rank)
);

create index delivery_due on delivery (next_attempt_at) where status = 'QUEUED';
create index delivery_by_status on delivery (status, created_at desc);

create table delivery_status (
    id          bigserial primary key,
    delivery_id uuid        not null references delivery (id),
    status      text        not null,
    at          timestamptz not null default clock_timestamp(),
    detail      text
);

create index delivery_status_by_delivery on delivery_status (delivery_id, id);

alter table inbox_entry add column delivery_id uuid references delivery (id);
create unique index inbox_entry_once_per_delivery on inbox_entry (delivery_id);

-- Reminders before a volunteer's item; planned when they are confirmed, moved with the visit, dropped when
-- they no longer come. Due ones are taken by one replica (rows locked, others skipped).
create table reminder (
    id            uuid primary key default gen_random_uuid(),
    assignment_id uuid        not null,
    volunteer_id  uuid        not null,
    visit_id      uuid        not null,
    item_id       uuid        not null,
    lead_minutes  integer     not null,
    due_at        timestamptz not null,
    params        jsonb       not null,
    status        text        not null,
    unique (assignment_id, lead_minutes)
);

create index reminder_due on reminder (due_at) where status = 'PLANNED';
create index reminder_by_visit on reminder (visit_id);
