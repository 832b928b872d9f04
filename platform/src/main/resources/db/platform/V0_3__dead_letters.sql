-- Records this service's consumers dead-lettered, captured from their dead-letter topics for operators to replay
-- or discard. The same event dead-lettered again while one waits counts on the waiting row (times) instead of
-- waiting twice. Resolved rows are kept: who replayed or discarded what, when and why.
create table dead_letter (
    id                    uuid        primary key,
    dlq_topic             text        not null,
    dlq_partition         integer     not null,
    dlq_offset            bigint      not null,
    original_topic        text        not null,
    original_partition    integer,
    original_offset       bigint,
    event_id              text,
    event_type            text,
    record_key            bytea,
    record_value          bytea,
    -- The original record's headers, to send back with it: [{"name": ..., "value": <base64>}], in order.
    headers               jsonb       not null,
    exception_class       text,
    exception_message     text,
    exception_stacktrace  text,
    dead_lettered_at      timestamptz not null,
    last_dead_lettered_at timestamptz not null,
    times                 integer     not null default 1,
    status                text        not null check (status in ('WAITING', 'REPLAYED', 'DISCARDED')),
    resolved_at           timestamptz,
    resolved_by           text,
    reason                text,
    unique (dlq_topic, dlq_partition, dlq_offset)
);

-- One event waits at most once per dead-letter topic.
create unique index dead_letter_waiting_event on dead_letter (dlq_topic, event_id)
    where status = 'WAITING' and event_id is not null;
create index dead_letter_by_status on dead_letter (status, dead_lettered_at);

-- Every dead-letter record captured, so that one read again (a rebalance, a restart before the offset commit)
-- neither waits twice nor counts twice.
create table dead_letter_capture (
    dlq_topic      text    not null,
    dlq_partition  integer not null,
    dlq_offset     bigint  not null,
    dead_letter_id uuid    not null references dead_letter (id) deferrable initially deferred,
    primary key (dlq_topic, dlq_partition, dlq_offset)
);
