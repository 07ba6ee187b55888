-- Failed sign-in attempts, kept for the throttling window only (see account.LoginThrottle).
create table login_failures (
    login_key  text        not null,
    client     text        not null,
    failed_at  timestamptz not null,
    constraint login_failures_pk primary key (login_key, client, failed_at)
);
create index login_failures_client_idx on login_failures (client, failed_at);
