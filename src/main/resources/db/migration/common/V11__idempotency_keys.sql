-- A create sent again with the same Idempotency-Key (a clinic retrying over a poor link) gets the
-- first answer back. The row is written in the create's own transaction, so it exists exactly when the
-- created object does; the primary key makes a second identical request wait for the first and then
-- find its answer instead of creating a second object.
create table idempotency_key (
    username        varchar(64)     not null,
    idempotency_key varchar(200)    not null,
    fingerprint     varchar(64)     not null,
    status          integer,
    content_type    varchar(200),
    location        varchar(1000),
    body            varchar(1000000),
    created_at      timestamp with time zone not null,
    primary key (username, idempotency_key)
);
create index idempotency_key_created_at on idempotency_key (created_at);
