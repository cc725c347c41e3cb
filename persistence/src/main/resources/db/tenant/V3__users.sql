-- User management: invited users have no password until they choose one through their link; groups; one-time
-- password links (invitation and reset), stored as SHA-256 of the token only; and a session epoch per user, raised
-- whenever the password changes or the account is deactivated, which ends every session signed in before.
alter table user_account alter column password_hash drop not null;
alter table user_account add column session_epoch bigint not null default 0;
alter table user_account add column deactivated_at timestamptz;

create table user_group (
    id          bigint      generated always as identity primary key,
    name        varchar(64) not null unique,
    created_at  timestamptz not null,
    version     bigint      not null default 0
);

create table user_group_member (
    user_id   bigint not null references user_account (id) on delete cascade,
    group_id  bigint not null references user_group (id) on delete cascade,
    primary key (user_id, group_id)
);

create table password_link (
    id            bigint      generated always as identity primary key,
    token_sha256  char(64)    not null unique,
    user_id       bigint      not null references user_account (id) on delete cascade,
    purpose       varchar(20) not null,
    created_at    timestamptz not null,
    expires_at    timestamptz not null,
    used_at       timestamptz,
    requested_by  varchar(64),
    version       bigint      not null default 0
);
create index password_link_user on password_link (user_id);
