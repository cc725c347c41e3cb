-- Security events of the platform itself (not of one tenant): blocked client addresses, staff lock-outs.
create table platform_event (
    id              bigint       generated always as identity primary key,
    occurred_at     timestamptz  not null,
    kind            varchar(30)  not null,
    client_address  varchar(64),
    login           varchar(64),
    detail          varchar(500)
);
create index platform_event_time on platform_event (occurred_at);
