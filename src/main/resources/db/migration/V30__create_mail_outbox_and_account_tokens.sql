-- E-mail (issue 13): the outbox, the single-use tokens of password resets and address confirmations,
-- what each person wants to be told, and the one-click unsubscribe links.

-- email_verified_at: when the address was confirmed (null: never; accounts made before this migration
-- too, their owners confirm from /settings). credentials_changed_at: a session signed in before it
-- ends (account.CredentialsStamp). seen_language: the interface language of the last sign-up or
-- sign-in, for e-mails to people who left their language to the browser.
alter table accounts
    add column email_verified_at      timestamptz,
    add column credentials_changed_at timestamptz not null default now(),
    add column seen_language          text;

-- Password resets and address confirmations: only the SHA-256 of the token is kept; a token is used
-- once (used_at is set by the conditional update that consumes it) and only until expires_at.
-- address is the address a confirmation confirms (the current one, or a new one replacing it).
create table account_tokens (
    token_hash bytea       not null,
    purpose    text        not null,
    account_id bigint      not null,
    address    text,
    created_at timestamptz not null,
    expires_at timestamptz not null,
    used_at    timestamptz,
    constraint account_tokens_pk primary key (token_hash),
    constraint account_tokens_purpose_check check (purpose in ('reset', 'confirm')),
    constraint account_tokens_account_fk foreign key (account_id) references accounts (id) on delete cascade
);
-- A new password or a confirmed address ends the person's other tokens of that purpose.
create index account_tokens_account_idx on account_tokens (account_id, purpose);

-- What a person is told by e-mail; no row means the defaults (replies to my threads and mentions).
-- digest_due_at: when the next digest is queued (null while digests are off).
create table notification_settings (
    account_id     bigint      not null,
    on_reply       boolean     not null default true,
    on_mention     boolean     not null default true,
    on_reply_after boolean     not null default false,
    on_follow      boolean     not null default false,
    on_star        boolean     not null default false,
    digest         text        not null default 'off',
    digest_due_at  timestamptz,
    constraint notification_settings_pk primary key (account_id),
    constraint notification_settings_digest_check check (digest in ('off', 'daily', 'weekly')),
    constraint notification_settings_account_fk foreign key (account_id) references accounts (id) on delete cascade
);
-- The digest scheduler looks for the rows that are due.
create index notification_settings_digest_idx on notification_settings (digest_due_at) where digest <> 'off';

-- One-click unsubscribe (RFC 8058): the token in the URL is the authority, and it can only turn one
-- kind of e-mail off for one person, so it is kept as it is (one per person and kind, made on first use).
create table unsubscribe_links (
    token      text   not null,
    account_id bigint not null,
    kind       text   not null,
    constraint unsubscribe_links_pk primary key (token),
    constraint unsubscribe_links_account_kind_key unique (account_id, kind),
    constraint unsubscribe_links_account_fk foreign key (account_id) references accounts (id) on delete cascade
);

-- The outbox: one row per e-mail, written in the transaction of the event that causes it, claimed by
-- workers with FOR UPDATE SKIP LOCKED under a lease, as link_fetch_jobs. A row holds the event (who,
-- about which message or person), not the text: the worker renders it when it sends, in the
-- recipient's language of that moment. address: where to send when it is not the recipient's address
-- (a new address to confirm). event: a key per recipient, so one event is never mailed twice.
-- secret: the token a link carries (reset, confirmation), wiped once the e-mail is sent.
-- kept_copy: the rendered text when no SMTP server is configured.
create table mail_outbox (
    id            bigint      generated always as identity,
    kind          text        not null,
    recipient_id  bigint      not null,
    address       text,
    message_id    bigint,
    actor_id      bigint,
    event         text,
    secret        text,
    queued_at     timestamptz not null default now(),
    not_before    timestamptz not null default now(),
    claimed_until timestamptz,
    claimed_by    uuid,
    attempts      integer     not null default 0,
    state         text        not null default 'queued',
    done_at       timestamptz,
    failure       text,
    kept_copy     text,
    constraint mail_outbox_pk primary key (id),
    constraint mail_outbox_state_check check (state in ('queued', 'sent', 'kept', 'given_up', 'dropped')),
    constraint mail_outbox_recipient_fk foreign key (recipient_id) references accounts (id) on delete cascade,
    constraint mail_outbox_message_fk foreign key (message_id) references messages (id) on delete cascade,
    constraint mail_outbox_actor_fk foreign key (actor_id) references accounts (id) on delete cascade
);
-- The never-twice rule: a second insert of the same event for the same person does nothing.
create unique index mail_outbox_event_key on mail_outbox (recipient_id, event) where event is not null;
-- Workers claim the queued rows due first; sent rows leave this partial index.
create index mail_outbox_due_idx on mail_outbox (not_before, id) where state = 'queued';
-- Finished rows are deleted after a while (mail.Outbox.purge), oldest first.
create index mail_outbox_done_idx on mail_outbox (done_at) where state <> 'queued';
-- /settings shows the e-mails given up for the person.
create index mail_outbox_given_up_idx on mail_outbox (recipient_id, done_at desc) where state = 'given_up';
-- Foreign keys cascade from messages and accounts: without these a deletion would scan the outbox.
create index mail_outbox_message_idx on mail_outbox (message_id) where message_id is not null;
create index mail_outbox_actor_idx on mail_outbox (actor_id) where actor_id is not null;
