-- The trace of the event that queued a delivery (W3C traceparent): its sending, now or after retries and quiet
-- hours, continues that trace, and a webhook receiver is handed it. Null for deliveries queued before.
alter table delivery add column traceparent text;
