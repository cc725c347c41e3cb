-- Signed portal links (P21): an order's link generation, signed into its links; raising it voids them.
alter table sale_order add column portal_generation integer not null default 0 check (portal_generation >= 0);
