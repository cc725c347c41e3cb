-- Signed portal links (P21): each tenant's link generation, signed into every link. Raising it voids every link the
-- tenant has mailed. It lives in the catalog, not in the tenant's database, so that a restore of the tenant's database
-- cannot bring an older generation, and with it revoked links, back to life.
create table portal_link_generation (
    tenant_id   uuid         primary key references tenant (id) on delete cascade,
    generation  integer      not null check (generation >= 0),
    changed_at  timestamptz  not null
);
