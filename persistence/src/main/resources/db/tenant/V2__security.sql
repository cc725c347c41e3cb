-- The tenant administrator's security settings (one row) and the tenant's security audit trail.
create table security_settings (
    id                  integer     primary key check (id = 1),
    lock_after_failures integer     not null check (lock_after_failures between 0 and 1000),
    cooldown_seconds    integer     not null check (cooldown_seconds between 1 and 86400),
    min_password_length integer     not null check (min_password_length between 8 and 128),
    updated_at          timestamptz not null,
    version             bigint      not null default 0
);
insert into security_settings (id, lock_after_failures, cooldown_seconds, min_password_length, updated_at)
values (1, 10, 60, 8, now());

create table security_event (
    id              bigint       generated always as identity primary key,
    occurred_at     timestamptz  not null,
    kind            varchar(30)  not null,
    login           varchar(64),
    client_address  varchar(64),
    actor           varchar(64),
    detail          varchar(500)
);
create index security_event_time on security_event (occurred_at);
