-- An item's assignments are read by item: the staffing board per role, the visit day's list of everyone on it.
create index assignment_by_item on assignment (item_id, role);
