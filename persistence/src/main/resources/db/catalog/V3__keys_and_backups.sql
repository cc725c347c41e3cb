-- Envelope keys and backups (P6, P14). A tenant's data keyset is kept here only wrapped by the master key; deleting
-- the row (with the tenant) is half of crypto-shredding, the other half is removing the copies at the backup
-- locations. Catalog backups never include this table's rows, so they cannot keep a deleted tenant's key alive.
create table tenant_key (
    tenant_id      uuid        primary key references tenant (id) on delete cascade,
    master_key_id  varchar(16) not null,
    primary_key_id integer     not null,
    wrapped        bytea       not null,
    created_at     timestamptz not null,
    rotated_at     timestamptz not null,
    version        bigint      not null default 0
);

-- Every backup attempt, good or not. A backup counts only once GOOD: written whole, its digest checked.
create table backup (
    id              uuid          primary key,
    tenant_id       uuid          not null,
    run_key         varchar(64)   not null,
    file_name       varchar(100)  not null,
    state           varchar(10)   not null check (state in ('RUNNING', 'GOOD', 'FAILED', 'DELETED')),
    started_at      timestamptz   not null,
    finished_at     timestamptz,
    size_bytes      bigint,
    sha256          char(64),
    key_id          integer,
    schema_version  integer,
    duration_ms     bigint,
    failure         varchar(1000),
    pinned          boolean       not null default false,
    deleted_at      timestamptz,
    version         bigint        not null default 0
);
create index backup_tenant_started on backup (tenant_id, started_at desc);
create index backup_by_run on backup (run_key);

-- One row per scheduled job and day: the instance whose insert wins runs it, so a cluster runs each day's job once.
create table scheduled_run (
    job         varchar(40)  not null,
    day         date         not null,
    claimed_by  varchar(100) not null,
    claimed_at  timestamptz  not null,
    primary key (job, day)
);

-- A backup run: all tenants (tenant_id null) or one. Unfinished runs whose instance stopped giving signs of life
-- (heartbeat_at) are resumed: the tenants the run backed up already are not backed up again.
create table backup_run (
    run_key       varchar(64)  primary key,
    tenant_id     varchar(36),
    started_at    timestamptz  not null,
    heartbeat_at  timestamptz  not null,
    finished_at   timestamptz,
    claimed_by    varchar(100) not null,
    version       bigint       not null default 0
);
