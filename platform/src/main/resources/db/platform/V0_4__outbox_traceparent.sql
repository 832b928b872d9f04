-- The trace an event was written in, as a W3C traceparent (trace and span), so that the relay's publishing span
-- is a child of the span that wrote the row. trace_id (the trace alone) stays for rows written before, and for a
-- replica of the previous release still running during a rolling update.
alter table outbox_event add column traceparent text;
