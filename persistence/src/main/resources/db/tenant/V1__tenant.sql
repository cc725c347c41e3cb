-- One tenant's ERP. Applied to the template database and to every tenant database.
create table user_account (
    id             bigint       generated always as identity primary key,
    login          varchar(64)  not null unique,
    email          varchar(254) not null,
    password_hash  varchar(512) not null,
    administrator  boolean      not null,
    active         boolean      not null,
    created_at     timestamptz  not null,
    version        bigint       not null default 0
);

create table contact (
    id          bigint       generated always as identity primary key,
    name        varchar(200) not null,
    email       varchar(254),
    phone       varchar(40),
    company     varchar(200),
    city        varchar(100),
    created_at  timestamptz  not null,
    updated_at  timestamptz  not null,
    version     bigint       not null default 0
);
create index contact_name on contact (lower(name));
