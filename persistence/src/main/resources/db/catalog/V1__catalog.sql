-- The platform catalog: where each tenant lives, and the platform staff.
create table database_server (
    name        varchar(40)  primary key,
    host        varchar(255) not null,
    port        integer      not null check (port between 1 and 65535),
    template_version integer not null default 0,
    created_at  timestamptz  not null
);

create table tenant (
    id            uuid         primary key,
    slug          varchar(40)  not null unique,
    company_name  varchar(200) not null,
    plan          varchar(10)  not null check (plan in ('FREE', 'PAID')),
    status        varchar(20)  not null check (status in ('PROVISIONING', 'ACTIVE', 'DELETING')),
    server_name   varchar(40)  not null references database_server (name),
    schema_version integer     not null default 0,
    created_at    timestamptz  not null,
    updated_at    timestamptz  not null,
    version       bigint       not null default 0
);
create index tenant_server on tenant (server_name);

create table staff_member (
    id             uuid         primary key,
    login          varchar(63)  not null unique,
    password_hash  varchar(512) not null,
    role           varchar(20)  not null check (role in ('OPERATOR', 'HELPDESK')),
    created_at     timestamptz  not null
);
