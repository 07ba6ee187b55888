-- The instance storing an import says every few seconds that it is still at it (moving.ImportLeases). An
-- import whose heartbeat stopped lost its instance, and its file with it: any instance marks it
-- 'interrupted', which its progress page explains (importing the same file again picks up where it stopped).
-- Heartbeats are the database's own time, so that instances whose clocks differ agree.
alter table imports add column heartbeat_at timestamptz not null default now();
update imports set heartbeat_at = coalesce(finished_at, started_at);
alter table imports drop constraint imports_status_check;
alter table imports add constraint imports_status_check
    check (status in ('running', 'done', 'failed', 'interrupted'));
-- The sweep for lost imports reads only the running ones.
create index imports_running_idx on imports (heartbeat_at) where status = 'running';
