-- One account of another server suspended by an administrator (docs/federation.md, Administration): its
-- activities are refused, its replies here hidden (kept: lifting the suspension shows them again), its follows
-- removed. actor: the actor's id (an http(s) URL, as given) or its handle user@host in lower case.
create table federation_account_suspensions (
    actor      text        not null,
    created_at timestamptz not null,
    constraint federation_account_suspensions_pk primary key (actor)
);

-- The thread pages hide a suspended account's replies: the page cache hears of a suspension as of V92's tables.
create trigger federation_account_suspensions_announce_change
    after insert or update or delete or truncate on federation_account_suspensions
    for each statement execute function announce_page_change();

-- Blocking a server and suspending one of its accounts are logged like the rest of moderation.
alter table moderation_log drop constraint moderation_log_action_known;
alter table moderation_log add constraint moderation_log_action_known check (action in
    ('suspend', 'unsuspend', 'hide-message', 'dismiss-report', 'delete-account', 'signup-mode', 'invitation',
     'site-name', 'block-server', 'unblock-server', 'suspend-remote', 'unsuspend-remote'));
