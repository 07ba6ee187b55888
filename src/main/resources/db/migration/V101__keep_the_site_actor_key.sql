-- The site's own actor (/federation/site) signs the GETs Veille sends (actor and key fetches), so that servers
-- requiring authorized fetch answer them. One row: made the first time a GET is signed.
create table federation_site_keys (
    id              smallint    not null default 1,
    public_key_pem  text        not null,
    private_key_pem text        not null,
    created_at      timestamptz not null default now(),
    constraint federation_site_keys_pk primary key (id),
    constraint federation_site_keys_one_row check (id = 1)
);
