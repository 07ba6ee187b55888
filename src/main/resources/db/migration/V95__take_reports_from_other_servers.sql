-- Reports sent by other servers (an ActivityPub Flag, docs/federation.md): no reporter here, only the host of the
-- server that sent it, which the queue shows instead of a login. Exactly one of the two names the reporter.
alter table reports alter column reporter_id drop not null;
alter table reports add column remote_reporter text;
alter table reports add constraint reports_one_reporter check ((reporter_id is null) <> (remote_reporter is null));
-- One open report per server and message (or person): a Flag sent again is the same report.
create unique index reports_one_open_remote_idx on reports (remote_reporter, account_id, coalesce(message_id, 0))
    where status = 'open' and remote_reporter is not null;
