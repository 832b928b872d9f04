-- When the staffing of a visit was last checked for gaps before it starts; a visit that moves is checked again.
alter table visit_plan add column gaps_checked_at timestamptz;
