-- Periodic work that must happen once across all instances (operations.ClusterTasks): one row per task
-- with the time its next run is due. An instance claims a run by moving next_run_at forward in one
-- statement that only succeeds while the run is due, so of several instances asking at once, one gets it.
create table scheduled_runs (
    task        text        not null,
    next_run_at timestamptz not null,
    constraint scheduled_runs_pk primary key (task)
);
