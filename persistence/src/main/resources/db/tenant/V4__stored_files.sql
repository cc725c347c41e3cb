-- Files attached to records (P14). The content lives outside the database, encrypted under the tenant's data key;
-- here only what describes it. file_key names the encrypted file and binds its ciphertext to this row.
create table stored_file (
    id            bigint        generated always as identity primary key,
    contact_id    bigint        not null references contact (id) on delete cascade,
    file_key      uuid          not null unique,
    name          varchar(255)  not null,
    content_type  varchar(255)  not null,
    size_bytes    bigint        not null check (size_bytes > 0),
    sha256        char(64)      not null,
    key_id        integer       not null,
    uploaded_at   timestamptz   not null,
    uploaded_by   varchar(64)   not null
);
create index stored_file_contact on stored_file (contact_id);

-- Free-text notes on a contact (up to a mebibyte of characters).
alter table contact add column notes text;
