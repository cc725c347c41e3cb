-- The sales side of the ERP (products, sales orders, invoices) and who may see and change what (P20): access rights
-- per model and group, as Odoo's ir.model.access, and record rules per model, as Odoo's ir.rule.

-- The companies a tenant trades as. Amounts are kept in the company's currency and rounded to its minor unit.
create table company (
    id          bigint       generated always as identity primary key,
    name        varchar(200) not null,
    currency    char(3)      not null check (currency ~ '^[A-Z]{3}$'),
    created_at  timestamptz  not null default now(),
    version     bigint       not null default 0
);
insert into company (name, currency) values ('Main company', 'EUR');

alter table user_account add column company_id bigint not null default 1 references company (id);

create table product (
    id          bigint        generated always as identity primary key,
    name        varchar(200)  not null,
    code        varchar(40)   not null unique,
    unit_price  numeric(14,2) not null check (unit_price >= 0),
    tax_rate    numeric(5,2)  not null check (tax_rate between 0 and 100),
    active      boolean       not null,
    company_id  bigint        references company (id),
    created_at  timestamptz   not null,
    updated_at  timestamptz   not null,
    version     bigint        not null default 0
);
create index product_name on product (lower(name));

create table sale_order (
    id              bigint        generated always as identity primary key,
    customer_id     bigint        not null references contact (id),
    salesperson_id  bigint        references user_account (id),
    team_id         bigint        references user_group (id) on delete set null,
    company_id      bigint        not null references company (id),
    state           varchar(20)   not null,
    order_date      date          not null,
    currency        char(3)       not null,
    amount_untaxed  numeric(16,2) not null,
    amount_tax      numeric(16,2) not null,
    amount_total    numeric(16,2) not null,
    note            text,
    created_at      timestamptz   not null,
    updated_at      timestamptz   not null,
    version         bigint        not null default 0
);
create index sale_order_state on sale_order (state, order_date);
create index sale_order_salesperson on sale_order (salesperson_id);
create index sale_order_customer on sale_order (customer_id);

create table sale_order_line (
    id          bigint        generated always as identity primary key,
    order_id    bigint        not null references sale_order (id) on delete cascade,
    position    integer       not null,
    product_id  bigint        not null references product (id),
    description varchar(200)  not null,
    quantity    numeric(12,3) not null check (quantity > 0),
    unit_price  numeric(14,2) not null check (unit_price >= 0),
    discount    numeric(5,2)  not null check (discount between 0 and 100),
    tax_rate    numeric(5,2)  not null check (tax_rate between 0 and 100),
    subtotal    numeric(16,2) not null,
    tax         numeric(16,2) not null
);
create index sale_order_line_order on sale_order_line (order_id);

create table invoice (
    id              bigint        generated always as identity primary key,
    order_id        bigint        references sale_order (id),
    customer_id     bigint        not null references contact (id),
    salesperson_id  bigint        references user_account (id),
    company_id      bigint        not null references company (id),
    state           varchar(20)   not null,
    invoice_date    date          not null,
    due_date        date          not null,
    currency        char(3)       not null,
    amount_untaxed  numeric(16,2) not null,
    amount_tax      numeric(16,2) not null,
    amount_total    numeric(16,2) not null,
    posted_at       timestamptz,
    paid_at         timestamptz,
    created_at      timestamptz   not null,
    updated_at      timestamptz   not null,
    version         bigint        not null default 0
);
create index invoice_state on invoice (state, invoice_date);
create index invoice_order on invoice (order_id);

create table invoice_line (
    id          bigint        generated always as identity primary key,
    invoice_id  bigint        not null references invoice (id) on delete cascade,
    position    integer       not null,
    product_id  bigint        references product (id),
    description varchar(200)  not null,
    quantity    numeric(12,3) not null check (quantity > 0),
    unit_price  numeric(14,2) not null check (unit_price >= 0),
    discount    numeric(5,2)  not null check (discount between 0 and 100),
    tax_rate    numeric(5,2)  not null check (tax_rate between 0 and 100),
    subtotal    numeric(16,2) not null,
    tax         numeric(16,2) not null
);
create index invoice_line_invoice on invoice_line (invoice_id);

-- A right grants operations on a model to one group, or to every user when group_id is null. A user holds a right
-- when any of their groups (or everyone) grants it; the administrator flag grants every right.
create table model_access (
    id          bigint      generated always as identity primary key,
    model       varchar(40) not null,
    group_id    bigint      references user_group (id) on delete cascade,
    can_read    boolean     not null,
    can_write   boolean     not null,
    can_create  boolean     not null,
    can_delete  boolean     not null,
    version     bigint      not null default 0
);
create unique index model_access_model_group on model_access (model, coalesce(group_id, 0));

-- A record rule narrows the records of a model an operation may touch. Global rules (no group) are AND-ed; rules of
-- the user's groups are OR-ed; the two are AND-ed.
create table record_rule (
    id          bigint        generated always as identity primary key,
    name        varchar(100)  not null,
    model       varchar(40)   not null,
    group_id    bigint        references user_group (id) on delete cascade,
    expression  varchar(2000) not null,
    on_read     boolean       not null,
    on_write    boolean       not null,
    on_create   boolean       not null,
    on_delete   boolean       not null,
    created_at  timestamptz   not null,
    version     bigint        not null default 0
);
create index record_rule_model on record_rule (model);

-- What every user could do before rights existed stays so: contacts are everyone's. Everyone reads products; the
-- administrator grants the rest.
insert into model_access (model, group_id, can_read, can_write, can_create, can_delete)
values ('contact', null, true, true, true, true),
       ('product', null, true, false, false, false);

-- Files may hang on orders and invoices as well as on contacts: exactly one owner each.
alter table stored_file alter column contact_id drop not null;
alter table stored_file add column sale_order_id bigint references sale_order (id) on delete cascade;
alter table stored_file add column invoice_id bigint references invoice (id) on delete cascade;
alter table stored_file add constraint stored_file_one_owner
    check (num_nonnulls(contact_id, sale_order_id, invoice_id) = 1);
