-- Per-host spacing of new fetch jobs (link.LinkIndex): the next time a job for a host may start.
-- A burst of links to one host (an import) is queued one slot after another instead of all at once.
create table fetch_host_slots (
    host    text        not null,
    next_at timestamptz not null,
    constraint fetch_host_slots_pk primary key (host)
);
