-- Which HTTP signature scheme each server took the last time Veille delivered to it: RFC 9421 is tried first, and
-- a server that answered it 400 or 401 but took draft-cavage is sent draft-cavage from then on. Read by host (the
-- primary key) once per delivery.
create table federation_host_signatures (
    host       text        not null,
    scheme     text        not null,
    learned_at timestamptz not null default now(),
    constraint federation_host_signatures_pk primary key (host),
    constraint federation_host_signatures_scheme check (scheme in ('rfc9421', 'draft-cavage'))
);
