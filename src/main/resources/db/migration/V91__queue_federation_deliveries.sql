-- What is to be sent to other servers (federation.DeliveryQueue).

-- A message posted, edited or deleted by someone with remote followers (or under a followed tag): one row written
-- in the message's own transaction, turned by a worker into one delivery per inbox. base: the site's address as
-- the request saw it, for the documents' URLs.
create table federation_events (
    id         bigint      generated always as identity,
    kind       text        not null,
    message_id bigint      not null,
    author_id  bigint      not null,
    base       text        not null,
    created_at timestamptz not null,
    constraint federation_events_pk primary key (id),
    constraint federation_events_kind_known check (kind in ('create', 'update', 'delete'))
);

-- One activity to one inbox, signed by a local actor's key: claimed with SKIP LOCKED under a lease, retried with
-- backoff, given up after the last attempt.
create table federation_deliveries (
    id            bigint      generated always as identity,
    inbox         text        not null,
    host          text        not null,
    account_id    bigint,
    tag_id        bigint,
    key_id        text        not null,
    activity      text        not null,
    due_at        timestamptz not null,
    claimed_until timestamptz,
    claim_token   uuid,
    attempts      integer     not null default 0,
    last_error    text,
    constraint federation_deliveries_pk primary key (id),
    constraint federation_deliveries_account_fk foreign key (account_id) references accounts (id) on delete cascade,
    constraint federation_deliveries_tag_fk foreign key (tag_id) references tags (id) on delete cascade,
    constraint federation_deliveries_one_actor check ((account_id is null) <> (tag_id is null))
);
-- The claim walks the due rows in order.
create index federation_deliveries_due_idx on federation_deliveries (due_at, id);
-- The per-host limit counts a host's deliveries in progress.
create index federation_deliveries_host_idx on federation_deliveries (host) where claimed_until is not null;

-- Hosts that keep failing are paused: no delivery to them is claimed until paused_until.
create table federation_hosts (
    host         text        not null,
    failures     integer     not null default 0,
    paused_until timestamptz,
    constraint federation_hosts_pk primary key (host)
);
