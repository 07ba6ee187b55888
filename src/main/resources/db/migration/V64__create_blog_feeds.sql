-- The RSS or Atom feeds of a person's blog (issue 17, feeds in): each entry becomes one of their messages.
-- A feed is also its own polling job: due at next_poll_at, reserved by one worker until claimed_until
-- (FOR UPDATE SKIP LOCKED), so several instances share the polls and a dead instance's poll is taken again.
create table blog_feeds (
    id                bigint      generated always as identity,
    account_id        bigint      not null,
    url               text        not null,
    paused            boolean     not null default false,
    created_at        timestamptz not null,
    next_poll_at      timestamptz not null,
    claimed_until     timestamptz,
    -- Validators of the last answer, sent back in a conditional GET.
    etag              text,
    last_modified     text,
    -- Polls failed in a row: the wait before the next one doubles with each (capped).
    failures          integer     not null default 0,
    last_polled_at    timestamptz,
    -- ok, not-modified or failed; null before the first poll. last_error is a message key (a warning when ok).
    last_outcome      text,
    last_error        text,
    last_error_detail text,
    -- Entries posted by the last poll that posted any, and when.
    last_posted       integer     not null default 0,
    last_posted_at    timestamptz,
    title             text,
    constraint blog_feeds_pk primary key (id),
    constraint blog_feeds_account_fk foreign key (account_id) references accounts (id) on delete cascade,
    constraint blog_feeds_outcome check (last_outcome in ('ok', 'not-modified', 'failed')),
    constraint blog_feeds_url_key unique (account_id, url)
);
-- The workers' claim: live feeds by due time (a reserved feed is due again when its reservation ends).
create index blog_feeds_due_idx on blog_feeds ((coalesce(claimed_until, next_poll_at))) where not paused;

-- Every entry of a feed ever seen, by the SHA-256 of its id (else its link), so that none is posted twice: the
-- message it became, or none for entries left out (older than the last 10 at the first poll, over a limit).
-- posted_text is the text Veille wrote for it: a later update of the entry edits the message only while its
-- text is still that one (an edit by the person wins).
create table blog_feed_entries (
    feed_id     bigint      not null,
    entry_key   bytea       not null,
    message_id  bigint,
    posted_text text,
    seen_at     timestamptz not null,
    constraint blog_feed_entries_pk primary key (feed_id, entry_key),
    constraint blog_feed_entries_feed_fk foreign key (feed_id) references blog_feeds (id) on delete cascade,
    constraint blog_feed_entries_message_fk foreign key (message_id) references messages (id) on delete set null
);
