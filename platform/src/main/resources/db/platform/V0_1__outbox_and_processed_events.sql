-- Events waiting for the relay. They are written in the same transaction as the state change that
-- caused them; the relay publishes them in sequence order and stamps published_at.
create table outbox_event (
    sequence       bigserial primary key,
    event_id       uuid        not null unique,
    aggregate_type text        not null,
    aggregate_id   text        not null,
    event_type     text        not null,
    topic          text        not null,
    payload        jsonb       not null,
    trace_id       text,
    occurred_at    timestamptz not null default now(),
    published_at   timestamptz
);

create index outbox_event_pending on outbox_event (sequence) where published_at is null;

-- Events a consumer has already applied, written in the same transaction as its effects, so that a
-- redelivered event changes nothing.
create table processed_event (
    consumer     text        not null,
    event_id     uuid        not null,
    event_type   text        not null,
    processed_at timestamptz not null default now(),
    primary key (consumer, event_id)
);
