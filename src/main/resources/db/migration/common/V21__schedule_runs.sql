-- Solver runs, shared by every node on this database: any node lists, reads, stops, changes and publishes
-- any run (Scheduling). The node that solves a run writes its best schedule as it improves (at most about
-- once a second, and when it ends) and a heartbeat while it solves; a SOLVING run whose heartbeat is older
-- than carebridge.scheduling.heartbeat-timeout was left by a node that stopped, so any node marks it FAILED,
-- and it can be started again. The newest 20 runs are kept: older finished rows go as new runs start.
-- Types both H2 and PostgreSQL accept; no vendor syntax.
create table schedule_run (
    id             varchar(36)       primary key,
    name           varchar(1000),
    status         varchar(10)       not null,  -- SOLVING, SOLVED or FAILED
    problem        varchar(10000000) not null,  -- the problem JSON it was started with
    best           varchar(10000000),           -- the best schedule so far (ScheduleSnapshot JSON); null: none yet
    score          varchar(100),                -- the best schedule's official score; null: not scored yet
    appointments   integer           not null,  -- of the best schedule
    history        varchar(10000000) not null,  -- the best score over time (JSON)
    changes        varchar(10000000) not null,  -- the changes made to it, in order (JSON)
    error          varchar(2000),
    node           varchar(200)      not null,  -- the node solving it, or the one that solved it last
    attempt        integer           not null,  -- 1, and one more each time it solves again (a change, a restart)
    stop_requested boolean           not null default false,
    started_at     timestamp with time zone not null,
    heartbeat_at   timestamp with time zone not null,
    deadline       timestamp with time zone,    -- when the solving under way reaches its time limit
    finished_at    timestamp with time zone
);
create index schedule_run_status on schedule_run (status, heartbeat_at);
create index schedule_run_started_at on schedule_run (started_at);
