-- Computed defaults (P19): the administrator's expression for a field of new records, one per field. The expression
-- is checked by the application when saved; the table only keeps it.
create table field_default (
    id          bigint        generated always as identity primary key,
    model       varchar(40)   not null,
    field       varchar(40)   not null,
    expression  varchar(2000) not null,
    updated_at  timestamptz   not null,
    version     bigint        not null default 0,
    unique (model, field)
);
