-- What a person sees in the app: one entry per notice, newest first, read or not.
create table inbox_entry (
    id         uuid primary key default gen_random_uuid(),
    recipient  text        not null,
    kind       text        not null,
    subject_id text        not null,
    title      text        not null,
    body       text        not null,
    event_id   uuid        not null,
    created_at timestamptz not null default now(),
    read_at    timestamptz
);

create index inbox_entry_by_recipient on inbox_entry (recipient, created_at desc);
