-- Reminders become one case of timed notices: before an item (REMINDER) or before an offer expires
-- (OFFER_EXPIRING); each assignment has at most one of each kind and lead.
alter table reminder add column kind text not null default 'REMINDER';
alter table reminder drop constraint reminder_assignment_id_lead_minutes_key;
alter table reminder add constraint reminder_once unique (assignment_id, kind, lead_minutes);
