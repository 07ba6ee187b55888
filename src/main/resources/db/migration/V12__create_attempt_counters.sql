-- Attempts counted for throttling (account.LoginThrottle, account.SignupLimit): one row per scope and
-- subject (an account, an address, both), raised and read back in the same statement so that
-- simultaneous attempts each see the count including themselves. A row counts until expires_at, then
-- starts again from one. They replace login_failures, which was read and written in two steps.
drop table login_failures;

create table attempt_counters (
    scope      text        not null,
    subject    text        not null,
    attempts   integer     not null,
    expires_at timestamptz not null,
    constraint attempt_counters_pk primary key (scope, subject)
);
-- Expired rows are deleted about once a minute (account.ExpiredCounters) by expires_at; without this
-- index each sweep would read the whole table.
create index attempt_counters_expires_at_idx on attempt_counters (expires_at);
