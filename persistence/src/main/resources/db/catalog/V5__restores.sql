-- Restores of a tenant's backup by the helpdesk (P9): into the live database (replacing it) or into a side database
-- next to it. One row per request, from the request to its end; a side database stays listed until it is discarded.
create table restore_run (
    id                uuid           primary key,
    tenant_id         uuid           not null,
    backup_id         uuid           not null,
    backup_taken_at   timestamptz    not null,
    mode              varchar(10)    not null check (mode in ('LIVE', 'SIDE')),
    reason            varchar(200)   not null,
    requested_by      varchar(64)    not null,
    requested_at      timestamptz    not null,
    state             varchar(10)    not null check (state in ('REQUESTED', 'RUNNING', 'DONE', 'FAILED')),
    heartbeat_at      timestamptz,
    finished_at       timestamptz,
    database_name     varchar(63)    not null,
    -- text, not uuid: EclipseLink binds a null UUID as varchar, which PostgreSQL refuses for a uuid column
    safety_backup_id  varchar(36),
    migrated_from     integer,
    failure           varchar(1000),
    discarded_at      timestamptz,
    discarded_by      varchar(64),
    version           bigint         not null default 0
);
create index restore_run_tenant on restore_run (tenant_id, requested_at desc);
-- One live restore of a tenant at a time: a second would race the first for the swap.
create unique index restore_run_one_live on restore_run (tenant_id) where mode = 'LIVE' and state in ('REQUESTED', 'RUNNING');

-- A live restore holds its tenant in maintenance: nobody signs in while the database is replaced.
alter table tenant drop constraint tenant_status_check;
alter table tenant add constraint tenant_status_check check (status in ('PROVISIONING', 'ACTIVE', 'DELETING', 'MAINTENANCE'));
