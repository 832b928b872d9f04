-- The webhook URL a delivery was first tried at: its retries go there, not to whatever URL the recipient has set
-- since. Null for other channels, and for deliveries made before this column.
alter table delivery add column target_url text;
