-- Personal API tokens (Authorization: Bearer) and the secret token of each person's home-stream feed.
-- Only the SHA-256 of a token is kept: whoever reads the database cannot use it.
create table api_tokens (
    id           bigint      generated always as identity,
    account_id   bigint      not null,
    name         text        not null,
    token_hash   bytea       not null,
    created_at   timestamptz not null,
    last_used_at timestamptz,
    constraint api_tokens_pk primary key (id),
    constraint api_tokens_account_fk foreign key (account_id) references accounts (id) on delete cascade,
    constraint api_tokens_hash_key unique (token_hash),
    constraint api_tokens_name_length check (char_length(name) between 1 and 100)
);
create index api_tokens_account_idx on api_tokens (account_id, created_at);

-- GET /api/url/{md5}: Seenthis's clients name a URL by the MD5 of its spelling.
create index links_url_md5_idx on links (md5(url));
