-- Housekeeping deletes sent outbox events and consumers' old claims on events by age, once an hour.
create index outbox_event_published_at on outbox_event (published_at) where published_at is not null;
create index processed_event_processed_at on processed_event (processed_at);
