-- People of other servers mentioned in Veille messages (@user@host, docs/federation.md), as WebFinger found them
-- through the guarded client: the actor's document itself is kept in remote_actors. actor_uri is null when the
-- handle is unknown or its server could not be asked; such a handle is asked again after an hour, a found one after
-- a day. handle: user@host, the host in lower case and in ASCII (an internationalised name converted).
create table remote_mentions (
    handle      text        not null,
    actor_uri   text,
    resolved_at timestamptz not null,
    constraint remote_mentions_pk primary key (handle)
);
