-- A live download of a tenant's data in progress (P8): at most one per tenant across every server instance, since
-- each holds a database snapshot and streams the whole tenant. The row is the lock; its holder (the server instance
-- and the download) renews the lease while it streams, so a server that dies mid-download locks the tenant out for
-- one lease at most.
create table live_download (
    tenant_id       uuid          primary key,
    holder          varchar(150)  not null,
    login           varchar(64)   not null,
    client_address  varchar(64),
    started_at      timestamptz   not null,
    lease_until     timestamptz   not null
);
