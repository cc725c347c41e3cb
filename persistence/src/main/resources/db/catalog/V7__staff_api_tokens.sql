-- Staff API tokens (U3): what the command-line console signs its requests with. Only the SHA-256 of a token is kept;
-- the token itself is shown to its owner once and never stored. A token acts for its staff member with the member's
-- role at the time of use, so it goes with the member (on delete cascade).
create table staff_api_token (
    id             uuid         primary key,
    staff_id       uuid         not null references staff_member (id) on delete cascade,
    name           varchar(60)  not null,
    token_sha256   char(64)     not null unique,
    created_at     timestamptz  not null,
    expires_at     timestamptz  not null check (expires_at > created_at),
    last_used_at   timestamptz,
    last_used_from varchar(64),
    revoked_at     timestamptz
);
create index staff_api_token_staff on staff_api_token (staff_id);
