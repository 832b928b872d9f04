-- People who sign in: the subject is their tokens' sub, the e-mail (stored lower-case) what they sign in with.
create table account (
    subject             varchar(200) primary key,
    email               varchar(320) not null unique,
    name                varchar(200) not null,
    locale              varchar(35)  not null,
    password_hash       varchar(500),
    password_changed_at timestamptz,
    enabled             boolean      not null default true,
    created_at          timestamptz  not null,
    updated_at          timestamptz  not null
);

create table account_role (
    subject varchar(200) not null references account (subject) on delete cascade,
    role    varchar(50)  not null,
    primary key (subject, role)
);

-- Invitation and password-reset links: only the SHA-256 of the token is kept.
create table one_time_link (
    token_hash varchar(64)  primary key,
    subject    varchar(200) not null references account (subject) on delete cascade,
    purpose    varchar(20)  not null,
    created_at timestamptz  not null,
    expires_at timestamptz  not null,
    used_at    timestamptz
);
create index one_time_link_by_subject on one_time_link (subject, purpose) where used_at is null;

-- Failed sign-ins per e-mail address (with or without an account) and the lock they caused.
create table sign_in_throttle (
    login            varchar(320) primary key,
    failures         integer      not null,
    first_failure_at timestamptz,
    locked_until     timestamptz
);

-- Token-signing keys; the private part is sealed (AES-GCM) with the configured encryption secret.
create table signing_key (
    kid                varchar(100) primary key,
    public_jwk         text         not null,
    sealed_private_jwk text         not null,
    created_at         timestamptz  not null,
    retired_at         timestamptz
);
