-- WebSub (W3C): the hub's subscriptions, and its queue of work (verifications of intent and
-- deliveries), claimed by the hub's workers with FOR UPDATE SKIP LOCKED (see websub.WebSubQueue).
create table websub_subscriptions (
    id         bigint      generated always as identity,
    topic      text        not null,
    callback   text        not null,
    secret     text,
    last_etag  text,
    expires_at timestamptz not null,
    created_at timestamptz not null,
    constraint websub_subscriptions_pk primary key (id),
    constraint websub_subscriptions_key unique (topic, callback)
);

create table websub_jobs (
    id              bigint      generated always as identity,
    kind            text        not null,
    subscription_id bigint,
    topic           text,
    callback        text,
    mode            text,
    secret          text,
    lease_seconds   integer,
    attempts        integer     not null default 0,
    due_at          timestamptz not null,
    constraint websub_jobs_pk primary key (id),
    constraint websub_jobs_kind_check check (kind in ('verify', 'deliver')),
    constraint websub_jobs_subscription_fk foreign key (subscription_id) references websub_subscriptions (id)
        on delete cascade
);
create index websub_jobs_due_idx on websub_jobs (due_at);
-- One pending delivery per subscription: posts arriving together make one push.
create unique index websub_jobs_delivery_key on websub_jobs (subscription_id) where kind = 'deliver';
