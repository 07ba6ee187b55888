-- Conversations and the social graph: replies (already possible in V1's messages table), mentions,
-- stars, follows, blocks, and the derived tables behind the home stream and the alerts page.

-- A thread's activity: the latest of its start, its newest reply and its newest star. The home
-- stream is ordered by it. reply_count and star_count are counters kept on the thread's first
-- message so that lists never count rows.
alter table messages add column activity_at timestamptz;
update messages set activity_at = created_at;
alter table messages alter column activity_at set not null;
alter table messages alter column activity_at set default now();
alter table messages add column reply_count integer not null default 0;
alter table messages add column star_count integer not null default 0;

-- A person's replies, newest first: alerts for the replies of people one follows, and the check
-- that the same text is not posted twice.
create index messages_author_replies_idx on messages (author_id, created_at desc, id desc)
    where thread_id is not null and deleted_at is null;
-- When the list of threads last changed (new, edited or deleted first messages): the /all feed's ETag.
create index messages_threads_updated_idx on messages (updated_at desc) where thread_id is null;

-- When a person's feed (their threads and stars) last changed: bumped on each of their writes.
alter table accounts add column changed_at timestamptz not null default now();

-- The existing accounts a message mentions (a mention of an unknown login is left as text).
create table message_mentions (
    message_id bigint not null,
    account_id bigint not null,
    constraint message_mentions_pk primary key (message_id, account_id),
    constraint message_mentions_message_fk foreign key (message_id) references messages (id) on delete cascade,
    constraint message_mentions_account_fk foreign key (account_id) references accounts (id) on delete cascade
);
create index message_mentions_account_idx on message_mentions (account_id);

-- A star shares a thread (its first message) with the people who follow the starrer.
create table stars (
    account_id bigint      not null,
    thread_id  bigint      not null,
    starred_at timestamptz not null,
    constraint stars_pk primary key (account_id, thread_id),
    constraint stars_account_fk foreign key (account_id) references accounts (id) on delete cascade,
    constraint stars_thread_fk foreign key (thread_id) references messages (id) on delete cascade
);
create index stars_account_page_idx on stars (account_id, starred_at desc, thread_id desc);
create index stars_thread_idx on stars (thread_id, starred_at desc);

create table person_follows (
    follower_id bigint      not null,
    followee_id bigint      not null,
    created_at  timestamptz not null,
    constraint person_follows_pk primary key (follower_id, followee_id),
    constraint person_follows_follower_fk foreign key (follower_id) references accounts (id) on delete cascade,
    constraint person_follows_followee_fk foreign key (followee_id) references accounts (id) on delete cascade,
    constraint person_follows_not_self check (follower_id <> followee_id)
);
create index person_follows_followee_idx on person_follows (followee_id, created_at desc);

create table tag_follows (
    account_id bigint      not null,
    tag_id     bigint      not null,
    created_at timestamptz not null,
    constraint tag_follows_pk primary key (account_id, tag_id),
    constraint tag_follows_account_fk foreign key (account_id) references accounts (id) on delete cascade,
    constraint tag_follows_tag_fk foreign key (tag_id) references tags (id) on delete cascade
);

-- A site is a host and at most three path segments, written without scheme or "www.":
-- example.org or example.org/blog (link.SiteKeys says how a URL is read).
create table site_follows (
    account_id bigint      not null,
    site       text        not null,
    created_at timestamptz not null,
    constraint site_follows_pk primary key (account_id, site),
    constraint site_follows_account_fk foreign key (account_id) references accounts (id) on delete cascade
);

create table blocks (
    blocker_id bigint      not null,
    blocked_id bigint      not null,
    created_at timestamptz not null,
    constraint blocks_pk primary key (blocker_id, blocked_id),
    constraint blocks_blocker_fk foreign key (blocker_id) references accounts (id) on delete cascade,
    constraint blocks_blocked_fk foreign key (blocked_id) references accounts (id) on delete cascade,
    constraint blocks_not_self check (blocker_id <> blocked_id)
);
create index blocks_blocked_idx on blocks (blocked_id);

-- Why a live thread may enter someone's home stream, one row per reason: its author, each starrer,
-- each tag of the thread, each site it cites, each person mentioned, each person who replied.
-- key is the account id, the tag id or the site. Every row of a thread carries the thread's
-- activity, so that each reason can be walked newest activity first on one index; the home
-- stream merges one such walk per reason of the reader (see docs/architecture.md).
create table thread_sources (
    kind        text        not null,
    key         text        not null,
    thread_id   bigint      not null,
    author_id   bigint      not null,
    activity_at timestamptz not null,
    constraint thread_sources_pk primary key (kind, key, thread_id),
    constraint thread_sources_kind_check
        check (kind in ('author', 'starrer', 'tag', 'site', 'mention', 'replier')),
    constraint thread_sources_thread_fk foreign key (thread_id) references messages (id) on delete cascade
);
create index thread_sources_stream_idx on thread_sources (kind, key, activity_at desc, thread_id desc);
create index thread_sources_thread_idx on thread_sources (thread_id);

-- The alerts pushed to a person: replies in threads they took part in, and messages mentioning
-- them. (Replies by the people one follows are read from messages_author_replies_idx instead.)
create table alerts (
    account_id bigint      not null,
    message_id bigint      not null,
    author_id  bigint      not null,
    reason     text        not null,
    created_at timestamptz not null,
    constraint alerts_pk primary key (account_id, message_id),
    constraint alerts_reason_check check (reason in ('reply', 'mention')),
    constraint alerts_account_fk foreign key (account_id) references accounts (id) on delete cascade,
    constraint alerts_message_fk foreign key (message_id) references messages (id) on delete cascade
);
create index alerts_page_idx on alerts (account_id, created_at desc, message_id desc);
create index alerts_message_idx on alerts (message_id);

-- Threads posted before this migration: their authors, tags and cited sites. (Mentions were not
-- stored before; those old messages still link them on display.)
insert into thread_sources (kind, key, thread_id, author_id, activity_at)
select 'author', m.author_id::text, m.id, m.author_id, m.activity_at
from messages m where m.thread_id is null and m.deleted_at is null;

insert into thread_sources (kind, key, thread_id, author_id, activity_at)
select 'tag', tt.tag_id::text, m.id, m.author_id, m.activity_at
from thread_tags tt join messages m on m.id = tt.thread_id
where m.deleted_at is null;

-- The same reading as link.SiteKeys: the host without "www.", then up to three path segments.
insert into thread_sources (kind, key, thread_id, author_id, activity_at)
select distinct 'site', site.key, m.id, m.author_id, m.activity_at
from messages m
join message_links ml on ml.message_id = m.id
join links l on l.id = ml.link_id
cross join lateral (
    select regexp_replace(lower(l.host), '^www\.', '') as host,
           array_remove(string_to_array(
               substring(l.url from '^[A-Za-z][A-Za-z0-9+.-]*://[^/?#]*(/[^?#]*)'), '/'), '') as segments
) parts
cross join lateral (
    select parts.host || case when depth = 0 then '' else '/' || array_to_string(parts.segments[1:depth], '/') end as key
    from generate_series(0, least(coalesce(cardinality(parts.segments), 0), 3)) depth
) site
where m.thread_id is null and m.deleted_at is null and parts.host <> ''
on conflict do nothing;
