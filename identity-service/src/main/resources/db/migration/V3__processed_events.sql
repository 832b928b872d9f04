-- Events a consumer has already applied (the invitations from volunteer-service's VolunteerRegistered), claimed in
-- the same transaction as the account and the invitation link they create, so that a redelivered or replayed event
-- creates nothing twice and mails nothing twice. The same layout as the reactive services' table (platform).
create table processed_event (
    consumer     text        not null,
    event_id     uuid        not null,
    event_type   text        not null,
    processed_at timestamptz not null default now(),
    primary key (consumer, event_id)
);

-- Housekeeping deletes claims older than any topic keeps its records (caravan.identity.processed-event-retention).
create index processed_event_processed_at on processed_event (processed_at);
