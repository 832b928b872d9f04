-- A donor's name was unique across all liaisons, so registering one told a liaison whether another liaison's
-- donor of that name existed. Names are now unique per liaison (and among donors without one).
alter table donor drop constraint if exists donor_name_kind_key;
create unique index donor_name_per_liaison on donor (coalesce(liaison_subject, ''), kind, name);
