-- A suspended account cannot sign in, and its sessions and API credentials stop working
-- (account.CredentialsStampFilter reads this column by primary key on each signed-in request).
alter table accounts add column suspended_at timestamptz;

-- A message hidden because its author was suspended: its deleted_at is set as well, so every list,
-- feed and search leaves it out exactly as it leaves out a deleted message (no extra condition on the
-- hot path); this second stamp tells unsuspension which messages to bring back and which the author
-- deleted. The index finds them again without reading the author's live messages.
alter table messages add column suspended_at timestamptz;
create index messages_suspended_idx on messages (author_id) where suspended_at is not null;

-- Who did what, when, to whom. Logins are copied so that the log outlives a deleted account.
create table moderation_log (
    id bigint generated always as identity primary key,
    at timestamptz not null,
    admin_id bigint references accounts (id) on delete set null,
    admin_login text not null,
    action text not null,
    target_id bigint references accounts (id) on delete set null,
    target_login text,
    message_id bigint,
    note text,
    constraint moderation_log_action_known check (action in
        ('suspend', 'unsuspend', 'hide-message', 'dismiss-report', 'delete-account'))
);
-- /admin/log reads newest first by id (entries are numbered in the order they are written): the primary
-- key's index walks it backwards, no other index needed.
