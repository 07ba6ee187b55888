-- ActivityPub (docs/federation.md): the key pairs of local actors, the remote actors we know, who follows whom
-- from other servers, and the deliveries waiting to be sent.

-- One key pair per local actor (a person or a tag), made the first time the actor is asked for.
create table federation_keys (
    id              bigint      generated always as identity,
    account_id      bigint,
    tag_id          bigint,
    public_key_pem  text        not null,
    private_key_pem text        not null,
    created_at      timestamptz not null default now(),
    constraint federation_keys_pk primary key (id),
    constraint federation_keys_account_fk foreign key (account_id) references accounts (id) on delete cascade,
    constraint federation_keys_tag_fk foreign key (tag_id) references tags (id) on delete cascade,
    constraint federation_keys_one_actor check ((account_id is null) <> (tag_id is null))
);
-- One pair per actor; the lookup when signing or showing an actor.
create unique index federation_keys_account_key on federation_keys (account_id) where account_id is not null;
create unique index federation_keys_tag_key on federation_keys (tag_id) where tag_id is not null;

-- Remote actors as last fetched (through the guarded client): where to deliver, and their public key.
create table remote_actors (
    id             bigint      generated always as identity,
    uri            text        not null,
    key_id         text        not null,
    handle         text        not null,
    host           text        not null,
    inbox          text        not null,
    shared_inbox   text,
    profile_url    text,
    public_key_pem text        not null,
    fetched_at     timestamptz not null,
    constraint remote_actors_pk primary key (id),
    constraint remote_actors_uri_key unique (uri)
);
-- A signature names its key: the lookup of every inbox POST.
create unique index remote_actors_key_id_key on remote_actors (key_id);

-- Remote actors following a local person or tag (accepted at once).
create table federation_followers (
    remote_actor_id bigint      not null,
    account_id      bigint,
    tag_id          bigint,
    follow_uri      text        not null,
    created_at      timestamptz not null,
    constraint federation_followers_remote_fk foreign key (remote_actor_id) references remote_actors (id)
        on delete cascade,
    constraint federation_followers_account_fk foreign key (account_id) references accounts (id) on delete cascade,
    constraint federation_followers_tag_fk foreign key (tag_id) references tags (id) on delete cascade,
    constraint federation_followers_one_actor check ((account_id is null) <> (tag_id is null))
);
-- One follow per pair; also the lists of a person's or a tag's followers when delivering.
create unique index federation_followers_account_key on federation_followers (account_id, remote_actor_id)
    where account_id is not null;
create unique index federation_followers_tag_key on federation_followers (tag_id, remote_actor_id)
    where tag_id is not null;
-- Undo Follow and a removed remote actor find their rows.
create index federation_followers_remote_idx on federation_followers (remote_actor_id);
