-- A programme item with the visit and site it belongs to, as staffing, suggestions, hours and calendars read it.
create view programme_item as
select s.item_id, s.visit_id, s.title, s.starts_at, s.ends_at, s.removed_at,
       v.theme, v.site_id, v.site_name, v.site_district, v.site_lat, v.site_lon, v.time_zone
from programme_slot s
join visit_plan v on v.visit_id = s.visit_id;
