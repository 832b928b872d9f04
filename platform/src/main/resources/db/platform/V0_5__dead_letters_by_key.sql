-- Operators (and the tests) look up the dead letters of one aggregate by the record's key: the visit, the
-- volunteer, the pledge the event was about.
create index dead_letter_by_key on dead_letter (record_key, dead_lettered_at) where record_key is not null;
