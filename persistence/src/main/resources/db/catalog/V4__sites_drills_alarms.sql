-- Copies at sites (P7). One row per object and site: verified (its SHA-256 read back from the site), failed (the
-- reason, for the status and trust pages), or found corrupt (to be replaced). No foreign keys: a copy outlives the
-- catalog row of what it copies until the site has deleted it, which a site that was down does only when back.
create table site_copy (
    id           uuid          primary key,
    site         varchar(40)   not null,
    object_key   varchar(200)  not null,
    kind         varchar(10)   not null check (kind in ('BACKUP', 'KEY', 'CATALOG')),
    tenant_id    varchar(36),
    backup_id    varchar(36),
    state        varchar(10)   not null check (state in ('VERIFIED', 'FAILED', 'CORRUPT')),
    sha256       char(64),
    size_bytes   bigint,
    verified_at  timestamptz,
    failure      varchar(1000),
    attempts     integer       not null default 0,
    updated_at   timestamptz   not null,
    version      bigint        not null default 0,
    unique (site, object_key)
);
create index site_copy_backup on site_copy (backup_id);
create index site_copy_tenant on site_copy (tenant_id);

-- Each site's replication state: the last pass and its outcome, the retry schedule after a failure (backoff), a pass
-- asked for while another was running, and a lease so that only one instance of a cluster works on a site at a time.
create table site_state (
    site                  varchar(40)   primary key,
    last_pass_at          timestamptz,
    last_ok_at            timestamptz,
    last_failure          varchar(1000),
    consecutive_failures  integer       not null default 0,
    next_attempt_at       timestamptz,
    pass_started_at       timestamptz,
    pass_requested_at     timestamptz,
    lease_owner           varchar(100),
    lease_until           timestamptz
);

-- A deleted tenant's objects still at a site (it was down when the tenant was deleted): removed when it is back.
create table site_purge (
    site          varchar(40)  not null,
    tenant_id     varchar(36)  not null,
    requested_at  timestamptz  not null,
    primary key (site, tenant_id)
);

-- The daily restore drill (P11): a tenant's newest safe backup restored from a site into a scratch database.
create table drill_run (
    id           uuid           primary key,
    tenant_id    uuid           not null,
    backup_id    uuid,
    site         varchar(40),
    started_at   timestamptz    not null,
    finished_at  timestamptz,
    restore_ms   bigint,
    bytes        bigint,
    tables       integer,
    rows_checked bigint,
    ok           boolean,
    failure      varchar(1000)
);
create index drill_run_tenant on drill_run (tenant_id, started_at desc);

-- Incidents the operators must hear of (a tenant past its recovery point objective, a failed drill): one open row per
-- kind and subject, mailed once when it opens, closed when the condition clears.
create table alarm (
    id          uuid           primary key,
    kind        varchar(30)    not null,
    subject     varchar(100)   not null,
    detail      varchar(1000)  not null,
    raised_at   timestamptz    not null,
    mailed_at   timestamptz,
    cleared_at  timestamptz,
    version     bigint         not null default 0
);
create unique index alarm_open on alarm (kind, subject) where cleared_at is null;
