-- Link enrichment: URL identity, site pages, the fetch queue, what the fetcher found, thumbnails.
-- V3_1 (a Java migration, org.veille.link) then re-derives the links of existing messages.

-- Small previews of pages' images, made and served by Veille. A row never changes, so its URL can be
-- cached for ever; one row per distinct thumbnail, shared by every link whose image gives it.
create table thumbnails (
    id           bigint      generated always as identity,
    sha256       bytea       not null,
    content_type text        not null,
    width        integer     not null,
    height       integer     not null,
    bytes        bytea       not null,
    created_at   timestamptz not null default now(),
    constraint thumbnails_pk primary key (id),
    constraint thumbnails_sha256_key unique (sha256),
    constraint thumbnails_content_type_check check (content_type in ('image/jpeg', 'image/png'))
);

-- A site (path '') and every path prefix under it that a cited URL passes through ('/blog', '/blog/2026'),
-- with the number of threads citing a page there. Hosts are lower-case ASCII without "www.".
create table site_paths (
    id           bigint      generated always as identity,
    host         text        not null,
    path         text        not null,
    parent_path  text,
    thread_count integer     not null default 0,
    changed_at   timestamptz not null default now(),
    constraint site_paths_pk primary key (id),
    constraint site_paths_host_path_key unique (host, path),
    constraint site_paths_length_check check (octet_length(host) <= 253 and octet_length(path) <= 500),
    constraint site_paths_parent_check check ((path = '') = (parent_path is null))
);
-- The children of a path, most cited first.
create index site_paths_children_idx on site_paths (host, parent_path, thread_count desc, id)
    where parent_path is not null;

-- The threads citing a site or a page under a path, shaped for the site page query (as thread_tags).
create table site_threads (
    site_path_id bigint      not null,
    thread_id    bigint      not null,
    published_at timestamptz not null,
    constraint site_threads_pk primary key (site_path_id, thread_id),
    constraint site_threads_site_path_fk foreign key (site_path_id) references site_paths (id),
    constraint site_threads_thread_fk foreign key (thread_id) references messages (id) on delete cascade
);
create index site_threads_page_idx on site_threads (site_path_id, published_at desc, thread_id desc);
create index site_threads_thread_idx on site_threads (thread_id);

-- A link is now one page however it is spelled: the key is its normalized URL (see UrlNormalizer), unique
-- through its SHA-256 so that the index entry stays small whatever the URL's length. url keeps the first
-- spelling cited; host is the site's host.
alter table links drop constraint links_url_key;
alter table links
    add column normalized        text,
    add column normalized_hash   bytea,
    add column site_path_id      bigint,
    add column fetch_status      text not null default 'pending',
    add column checked_at        timestamptz,
    add column fetched_at        timestamptz,
    add column failure_reason    text,
    add column failure_detail    text,
    add column final_url         text,
    add column content_type      text,
    add column size_bytes        bigint,
    add column title             text,
    add column description       text,
    add column site_name         text,
    add column image_url         text,
    add column canonical_url     text,
    add column language          text,
    add column favicon_url       text,
    add column thumbnail_id      bigint,
    add column thumbnail_failure text,
    add constraint links_site_path_fk foreign key (site_path_id) references site_paths (id),
    add constraint links_thumbnail_fk foreign key (thumbnail_id) references thumbnails (id),
    add constraint links_fetch_status_check check (fetch_status in ('pending', 'fetched', 'failed'));
create unique index links_normalized_key on links (normalized_hash);
-- The page a site path names, for its fetched title.
create index links_site_path_idx on links (site_path_id) where site_path_id is not null;
-- Links due for a periodic refetch.
create index links_checked_idx on links (checked_at) where checked_at is not null;

-- The fetch queue: one row per link waiting to be fetched. A worker claims a row with FOR UPDATE SKIP LOCKED
-- and holds it for a lease (claimed_until); a row whose lease ran out is claimed again by anyone.
create table link_fetch_jobs (
    link_id       bigint      not null,
    attempts      integer     not null default 0,
    not_before    timestamptz not null default now(),
    claimed_until timestamptz,
    claimed_by    uuid,
    enqueued_at   timestamptz not null default now(),
    constraint link_fetch_jobs_pk primary key (link_id),
    constraint link_fetch_jobs_link_fk foreign key (link_id) references links (id) on delete cascade
);
create index link_fetch_jobs_due_idx on link_fetch_jobs (not_before);
