-- Reports of a message or a person by a signed-in person, and what an administrator did with them.
-- A report of a message also names its author (account_id), so that suspending them from the queue
-- needs no second lookup; a report of a person has no message.
create table reports (
    id bigint generated always as identity primary key,
    reporter_id bigint not null references accounts (id) on delete cascade,
    account_id bigint not null references accounts (id) on delete cascade,
    message_id bigint references messages (id) on delete cascade,
    reason text not null,
    note text not null default '',
    created_at timestamptz not null,
    status text not null default 'open',
    handled_by bigint references accounts (id) on delete set null,
    handled_by_login text,
    handled_at timestamptz,
    constraint reports_reason_known check (reason in ('spam', 'abuse', 'illegal', 'other')),
    constraint reports_status_known check (status in ('open', 'hidden', 'dismissed', 'suspended')),
    constraint reports_note_length check (length(note) <= 1000),
    constraint reports_handled check ((status = 'open') = (handled_at is null))
);
-- The queue: open reports, oldest first.
create index reports_open_idx on reports (id) where status = 'open';
-- One open report per reporter and message (or person): a second one is the same report.
create unique index reports_one_open_idx on reports (reporter_id, account_id, coalesce(message_id, 0))
    where status = 'open';
-- /alerts: a reporter's handled reports, newest first.
create index reports_outcomes_idx on reports (reporter_id, handled_at desc) where status <> 'open';
-- The moderation log names the report an action answered.
alter table moderation_log add column report_id bigint references reports (id) on delete set null;
