-- The first schema: people, their messages, the tags and URLs derived from each message's text.

create table accounts (
    id            bigint      generated always as identity,
    login         text        not null,
    email         text        not null,
    password_hash text        not null,
    display_name  text,
    bio           text,
    language      text,
    created_at    timestamptz not null default now(),
    constraint accounts_pk primary key (id),
    constraint accounts_login_format check (login ~ '^[A-Za-z0-9][A-Za-z0-9._-]*$' and login !~ '\.$')
);
create unique index accounts_login_key on accounts (lower(login));
create unique index accounts_email_key on accounts (lower(email));

-- A thread is its first message (thread_id null) and the replies pointing at it.
create table messages (
    id         bigint      generated always as identity,
    uuid       uuid        not null,
    author_id  bigint      not null,
    thread_id  bigint,
    body       text        not null,
    title      text        not null,
    created_at timestamptz not null,
    updated_at timestamptz not null,
    deleted_at timestamptz,
    constraint messages_pk primary key (id),
    constraint messages_uuid_key unique (uuid),
    constraint messages_author_fk foreign key (author_id) references accounts (id),
    constraint messages_thread_fk foreign key (thread_id) references messages (id)
);
-- The list pages walk these by keyset: newest threads, a person's threads, a thread's replies.
create index messages_threads_idx on messages (created_at desc, id desc)
    where thread_id is null and deleted_at is null;
create index messages_author_threads_idx on messages (author_id, created_at desc, id desc)
    where thread_id is null and deleted_at is null;
create index messages_replies_idx on messages (thread_id, created_at, id)
    where thread_id is not null;

create table tags (
    id           bigint      generated always as identity,
    key          text        not null,
    display      text        not null,
    thread_count integer     not null default 0,
    changed_at   timestamptz not null default now(),
    constraint tags_pk primary key (id),
    constraint tags_key_key unique (key)
);
-- For a prefix match on keys (child tags, tags starting with the same letters).
create index tags_key_prefix_idx on tags (key text_pattern_ops);

-- How often each spelling of a tag was typed: the most used one is the tag's display form.
create table tag_spellings (
    tag_id  bigint  not null,
    display text    not null,
    uses    integer not null,
    constraint tag_spellings_pk primary key (tag_id, display),
    constraint tag_spellings_tag_fk foreign key (tag_id) references tags (id)
);

create table message_tags (
    message_id bigint  not null,
    tag_id     bigint  not null,
    position   integer not null,
    constraint message_tags_pk primary key (message_id, tag_id),
    constraint message_tags_message_fk foreign key (message_id) references messages (id) on delete cascade,
    constraint message_tags_tag_fk foreign key (tag_id) references tags (id)
);
create index message_tags_tag_idx on message_tags (tag_id);

-- The tags of a whole thread (its first message and replies), shaped for the tag page query.
create table thread_tags (
    tag_id       bigint      not null,
    thread_id    bigint      not null,
    published_at timestamptz not null,
    constraint thread_tags_pk primary key (tag_id, thread_id),
    constraint thread_tags_tag_fk foreign key (tag_id) references tags (id),
    constraint thread_tags_thread_fk foreign key (thread_id) references messages (id) on delete cascade
);
create index thread_tags_page_idx on thread_tags (tag_id, published_at desc, thread_id desc);
create index thread_tags_thread_idx on thread_tags (thread_id);

create table links (
    id         bigint      generated always as identity,
    url        text        not null,
    host       text        not null,
    created_at timestamptz not null default now(),
    constraint links_pk primary key (id),
    constraint links_url_key unique (url)
);
create index links_host_idx on links (host);

create table message_links (
    message_id bigint  not null,
    link_id    bigint  not null,
    position   integer not null,
    constraint message_links_pk primary key (message_id, link_id),
    constraint message_links_message_fk foreign key (message_id) references messages (id) on delete cascade,
    constraint message_links_link_fk foreign key (link_id) references links (id)
);
create index message_links_link_idx on message_links (link_id);
