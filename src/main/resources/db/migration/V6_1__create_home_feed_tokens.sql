-- The secret token of a person's home-stream feed (/feeds/home/{token}); only its SHA-256 is kept.
-- One per person: making a new one revokes the old.
create table home_feed_tokens (
    account_id bigint      not null,
    token_hash bytea       not null,
    created_at timestamptz not null,
    constraint home_feed_tokens_pk primary key (account_id),
    constraint home_feed_tokens_account_fk foreign key (account_id) references accounts (id) on delete cascade,
    constraint home_feed_tokens_hash_key unique (token_hash)
);
