-- The batch console (U3). Every execution of a platform job, tracked from its start: the work its steps expect and
-- have done (tenants, or objects for replication) and the bytes they moved, added to by each partition as it goes.
-- Jakarta Batch keeps the executions' status, times and parameters; this keeps what it does not, and lets the console
-- page through executions newest first without asking the batch runtime for every job instance.
create table job_progress (
    execution_id  bigint       primary key,
    job           varchar(40)  not null,
    tracked_at    timestamptz  not null,
    updated_at    timestamptz  not null,
    total         bigint       not null default 0 check (total >= 0),
    done          bigint       not null default 0 check (done >= 0),
    bytes         bigint       not null default 0 check (bytes >= 0)
);
create index job_progress_by_job on job_progress (job, execution_id desc);

-- The tenants whose work failed in an execution, and why: what a failed execution shows, and its exit status names.
-- No foreign key: a step reports a failure even for an execution started before it was tracked.
create table job_failure (
    id            bigint         generated always as identity primary key,
    execution_id  bigint         not null,
    tenant        varchar(100)   not null,
    reason        varchar(1000)  not null,
    failed_at     timestamptz    not null
);
create index job_failure_by_execution on job_failure (execution_id);
