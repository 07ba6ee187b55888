-- Search (DESIGN §5) and the tag index. See docs/architecture.md, "Search".

-- Lower case without the accents of Latin letters, ligatures spelled out: what the search document and
-- the query are both read through, so that "Épée", "epee" and "ÉPÉE" meet. Written as translate() rather
-- than with the unaccent extension so that it needs no privilege and behaves the same on every server.
create function search_fold(input text) returns text
language sql immutable parallel safe strict
return translate(
    replace(replace(replace(lower(input), 'œ', 'oe'), 'æ', 'ae'), 'ß', 'ss'),
    'àáâãäåçèéêëìíîïñòóôõöùúûüýÿāăąćĉċčďēĕėęěĝğġģĥĩīĭįĵķĺļľńņňōŏőŕŗřśŝşšţťũūŭůűųŵŷźżžơưǎǐǒǔǖǘǚǜǟǡǧǩǫǭǰǵǹǻȁȃȅȇȉȋȍȏȑȓȕȗșțȟȧȩȫȭȯȱȳøłđ',
    'aaaaaaceeeeiiiinooooouuuuyyaaaccccdeeeeegggghiiiijklllnnnooorrrssssttuuuuuuwyzzzouaiouuuuuaagkoojgnaaaeeiioorruusthaeooooyold');

-- One search document per live thread: its first message (weight A), its tags (B), its live replies (C)
-- and the titles and descriptions of the pages it cites (D). published_at is the thread's start, so the
-- newest-first order of results never moves when a thread gets replies.
create table thread_search (
    thread_id    bigint      not null,
    published_at timestamptz not null,
    document     tsvector    not null,
    constraint thread_search_pk primary key (thread_id),
    constraint thread_search_thread_fk foreign key (thread_id) references messages (id) on delete cascade
);
create index thread_search_document_idx on thread_search using gin (document);
create index thread_search_page_idx on thread_search (published_at desc, thread_id desc);

-- Builds the documents of these threads again from what is stored (called by the write path after each
-- post, edit and deletion, after a link's page was fetched, and by the data generator); a deleted or
-- missing thread loses its document. Texts are cut so that a document stays far under tsvector's 1 MB.
create function refresh_thread_search(thread_ids bigint[]) returns void
language sql volatile
begin atomic
    delete from thread_search s
    where s.thread_id = any(thread_ids)
      and not exists (select 1 from messages t where t.id = s.thread_id and t.thread_id is null and t.deleted_at is null);
    insert into thread_search (thread_id, published_at, document)
    select t.id, t.created_at,
        setweight(to_tsvector('simple', search_fold(left(t.body, 100000))), 'A')
        || setweight(to_tsvector('simple', search_fold(coalesce((
            select string_agg(replace(replace(g.key, '/', ' '), '_', ' '), ' ')
            from thread_tags tt join tags g on g.id = tt.tag_id where tt.thread_id = t.id), ''))), 'B')
        || setweight(to_tsvector('simple', search_fold(coalesce((
            select left(string_agg(r.body, ' ' order by r.created_at, r.id), 200000)
            from messages r where r.thread_id = t.id and r.deleted_at is null), ''))), 'C')
        || setweight(to_tsvector('simple', search_fold(coalesce((
            select left(string_agg(coalesce(l.title, '') || ' ' || coalesce(l.description, ''), ' '), 100000)
            from (select ml.link_id from message_links ml where ml.message_id = t.id
                  union
                  select ml.link_id from messages r join message_links ml on ml.message_id = r.id
                  where r.thread_id = t.id and r.deleted_at is null) cited
            join links l on l.id = cited.link_id), ''))), 'D')
    from messages t
    where t.id = any(thread_ids) and t.thread_id is null and t.deleted_at is null
    on conflict (thread_id) do update set published_at = excluded.published_at, document = excluded.document;
end;

select refresh_thread_search(array(select id from messages where thread_id is null and deleted_at is null));

-- The tag index, most used first, walked by keyset on (thread_count, id).
create index tags_use_idx on tags (thread_count desc, id desc);
