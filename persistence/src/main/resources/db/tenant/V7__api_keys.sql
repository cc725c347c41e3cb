-- API keys of the tenant JSON API (P18). Only the SHA-256 of a key is kept; the key is shown to its user once. A key
-- acts as its user with the user's rights at the time of use, so it goes with the user (on delete cascade).
create table api_key (
    id             bigint       generated always as identity primary key,
    user_id        bigint       not null references user_account (id) on delete cascade,
    name           varchar(60)  not null,
    scope          varchar(20)  not null check (scope in ('READ', 'READ_WRITE')),
    key_sha256     char(64)     not null unique,
    created_at     timestamptz  not null,
    expires_at     timestamptz  not null check (expires_at > created_at),
    last_used_at   timestamptz,
    last_used_from varchar(64),
    revoked_at     timestamptz,
    revoked_by     varchar(64)
);
create index api_key_user on api_key (user_id);
