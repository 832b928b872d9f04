-- Accept and decline links in messages work once: each link's nonce is recorded when used.
create table used_answer_link (
    nonce         uuid primary key,
    assignment_id uuid        not null references assignment (id),
    answer        text        not null,
    used_at       timestamptz not null default now()
);
