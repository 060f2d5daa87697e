-- Failed sign-ins per account and per source address, shared by every node on this database: a second
-- node refuses an account that the first one locked. One row per account or address with a recent
-- failure or lock (FailedSignIns); rows quiet for a whole window are deleted by the nodes as they go.
create table sign_in_failure (
    kind          varchar(8)   not null,  -- ACCOUNT or SOURCE
    name          varchar(100) not null,  -- the username tried (lower case) or the remote address
    failures      integer      not null,
    window_start  timestamp with time zone,
    locks         integer      not null,
    locked_until  timestamp with time zone,
    last_activity timestamp with time zone not null,
    primary key (kind, name)
);
create index sign_in_failure_last_activity on sign_in_failure (last_activity);
