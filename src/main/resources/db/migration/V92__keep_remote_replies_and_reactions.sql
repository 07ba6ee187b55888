-- What other servers' people do to Veille's messages (federation.RemoteReplies), and the domains refused.

-- A reply from another server, shown under the thread with its author's handle. content_html is sanitized
-- (jsoup Safelist) before it is stored.
create table remote_replies (
    id              bigint      generated always as identity,
    uri             text        not null,
    thread_id       bigint      not null,
    in_reply_to_id  bigint      not null,
    remote_actor_id bigint      not null,
    content_html    text        not null,
    url             text,
    published_at    timestamptz not null,
    updated_at      timestamptz,
    constraint remote_replies_pk primary key (id),
    constraint remote_replies_uri_key unique (uri),
    constraint remote_replies_thread_fk foreign key (thread_id) references messages (id) on delete cascade,
    constraint remote_replies_message_fk foreign key (in_reply_to_id) references messages (id) on delete cascade,
    constraint remote_replies_actor_fk foreign key (remote_actor_id) references remote_actors (id) on delete cascade
);
-- A thread page lists its remote replies in order.
create index remote_replies_thread_idx on remote_replies (thread_id, published_at, id);
-- Deleting a remote actor's replies (Delete of the actor, a domain block).
create index remote_replies_actor_idx on remote_replies (remote_actor_id);

-- Likes and boosts (Announce) from other servers, counted on the thread page; undone by the activity's id.
create table remote_reactions (
    message_id      bigint      not null,
    remote_actor_id bigint      not null,
    kind            text        not null,
    activity_uri    text        not null,
    created_at      timestamptz not null,
    constraint remote_reactions_pk primary key (message_id, remote_actor_id, kind),
    constraint remote_reactions_kind_known check (kind in ('like', 'announce')),
    constraint remote_reactions_message_fk foreign key (message_id) references messages (id) on delete cascade,
    constraint remote_reactions_actor_fk foreign key (remote_actor_id) references remote_actors (id) on delete cascade
);
-- Undo names the Like or Announce by its id.
create index remote_reactions_activity_idx on remote_reactions (activity_uri);

-- Hosts whose activities are refused (admin pages): host[:port], lower-case.
create table federation_domain_blocks (
    host       text        not null,
    created_at timestamptz not null,
    constraint federation_domain_blocks_pk primary key (host)
);

-- The thread pages show these: the page cache hears of their changes as of the tables of V8.
create trigger remote_replies_announce_change after insert or update or delete or truncate on remote_replies
    for each statement execute function announce_page_change();
create trigger remote_reactions_announce_change after insert or update or delete or truncate on remote_reactions
    for each statement execute function announce_page_change();
