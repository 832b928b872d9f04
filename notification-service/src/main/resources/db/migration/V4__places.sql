-- The volunteers' confirmed places, kept from assignment events, so that a moved visit can tell each of them.
create table place (
    assignment_id uuid primary key,
    volunteer_id  uuid  not null,
    visit_id      uuid  not null,
    item_id       uuid  not null,
    params        jsonb not null
);

create index place_by_visit on place (visit_id);
