-- Whether the hashtags of a reply from another server join its thread's tags (docs/federation.md): one row, off
-- until an administrator turns it on at /admin/federation.
create table federation_settings (
    id                 boolean not null default true,
    remote_hashtags    boolean not null default false,
    constraint federation_settings_pk primary key (id),
    constraint federation_settings_one_row check (id)
);
insert into federation_settings default values;

-- The tags a remote reply brought to its thread while the setting was on. tag.ThreadTags.recompute derives a
-- thread's tags from these as from its messages' tags, so an edit of the thread keeps them and the reply's
-- removal takes them away. joined_at: when the reply came (its own date is the remote server's word).
create table remote_reply_tags (
    remote_reply_id bigint      not null,
    tag_id          bigint      not null,
    joined_at       timestamptz not null,
    constraint remote_reply_tags_pk primary key (remote_reply_id, tag_id),
    constraint remote_reply_tags_reply_fk foreign key (remote_reply_id) references remote_replies (id)
        on delete cascade,
    constraint remote_reply_tags_tag_fk foreign key (tag_id) references tags (id) on delete cascade
);
-- A tag's deletion finds its rows (the foreign key's cascade).
create index remote_reply_tags_tag_idx on remote_reply_tags (tag_id);
