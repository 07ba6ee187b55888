-- Every statement of a tag page's first render (anonymous reader, tree form), as the application prepares it
-- (TagQueries, ThreadQueries, ThreadDecorator), each run as a prepared statement with the plan PostgreSQL
-- chooses for the values (custom) and then with the plan it may keep after five runs (generic): the JDBC
-- driver prepares a statement on the server from its fifth run on, and PostgreSQL then compares both.
-- psql -v popular=KEY -f bench/explain-tag-page.sql   (bench/README.md, "Tag page statements")
\pset pager off
\set ON_ERROR_STOP on
\timing off

prepare named(text) as
select id, key, display, thread_count, changed_at from tags where key = $1;

prepare page(text, text, text, int, int) as
with page as (
    with every as materialized (
        with matching as materialized (
            select id, thread_count, changed_at from tags where key = $1
            union all
            select id, thread_count, changed_at from tags
            where key ~>=~ $2 and key ~<~ $3 and key <> $1)
        select id, changed_at from matching order by thread_count desc, id limit $4),
    recent as materialized (
        select distinct on (r.published_at, r.thread_id) r.thread_id, r.published_at as sort_time
        from (select tt.thread_id, tt.published_at, tt.tag_id from thread_tags tt
              order by tt.published_at desc, tt.thread_id desc
              limit (select case when count(*) > $5 then 8 * count(*) else 0 end from every)) r
        where (r.tag_id in (select id from every)) is true
        order by r.published_at desc, r.thread_id desc
        limit $5 + 1),
    found as materialized (select thread_id, max(sort_time) as sort_time from recent group by thread_id),
    floored as materialized (
        with source as materialized (
            with lead as materialized (
                select (select w.sort_time from (select tt.thread_id, tt.published_at as sort_time from thread_tags tt
                where tt.tag_id = source.id order by tt.published_at desc, tt.thread_id desc limit $5) w limit 1) as top
                from (select id from every order by changed_at desc limit $5) source),
            bound as (select case when count(top) >= $5 then min(top) else '-infinity' end as at from lead)
            select every.id from every cross join bound where every.changed_at >= bound.at),
        newest as materialized (
            select source.*, (select w.sort_time from (select tt.thread_id, tt.published_at as sort_time from thread_tags tt
                where tt.tag_id = source.id order by tt.published_at desc, tt.thread_id desc limit $5) w limit 1) as top from source),
        floor as (
            select coalesce(min(top), '-infinity') as at from (
                select top from newest where top is not null order by top desc limit $5) highest)
        select e.thread_id, max(e.sort_time) as sort_time
        from newest source cross join floor cross join lateral (select tt.thread_id, tt.published_at as sort_time from thread_tags tt
                where tt.tag_id = source.id order by tt.published_at desc, tt.thread_id desc limit $5) e
        where source.top >= floor.at and e.sort_time >= floor.at
        group by e.thread_id
        order by sort_time desc, e.thread_id desc limit $5)
    (select thread_id, sort_time, null::text as starred_by from found
     where (select count(*) from found) > $5
     order by sort_time desc, thread_id desc limit $5)
    union all
    select thread_id, sort_time, null::text from floored
    where (select count(*) from found) <= $5 and (select count(*) from floored) >= $5
    union all
    select thread_id, sort_time, null::text from (
        select e.thread_id, max(e.sort_time) as sort_time
        from every source cross join lateral (select tt.thread_id, tt.published_at as sort_time from thread_tags tt
                where tt.tag_id = source.id order by tt.published_at desc, tt.thread_id desc limit $5) e
        group by e.thread_id
        order by sort_time desc, e.thread_id desc limit $5) whole
    where (select count(*) from found) <= $5 and (select count(*) from floored) < $5)
select m.id, coalesce(m.thread_id, m.id) as parent_id, m.uuid, m.title, m.body, m.created_at,
       m.updated_at, m.reply_count, m.star_count, a.login, a.display_name, a.created_at as author_since,
       page.sort_time, page.starred_by
from page
join messages m on m.id = page.thread_id
join accounts a on a.id = m.author_id
where m.deleted_at is null
order by page.sort_time desc, page.thread_id desc;

prepare chips(bigint[], bigint[]) as
select tt.thread_id as message_id, t.key, t.display, coalesce(mt.position, 2147483647) as position, tt.published_at
from unnest(cast($1 as bigint[])) as shown(id)
join thread_tags tt on tt.thread_id = shown.id
join tags t on t.id = tt.tag_id
left join message_tags mt on mt.message_id = tt.thread_id and mt.tag_id = tt.tag_id
union all
select mt.message_id, t.key, t.display, mt.position, null
from unnest(cast($2 as bigint[])) as shown(id)
join message_tags mt on mt.message_id = shown.id
join tags t on t.id = mt.tag_id
order by message_id, position, published_at, key;

prepare link_cards(bigint[]) as
select ml.message_id, l.id, l.url, l.host, l.final_url, coalesce(g.given_title, l.title) as title,
       l.description, l.site_name,
       l.thumbnail_id, l.fetch_status, l.failure_reason, l.failure_detail, l.thumbnail_failure,
       l.gone_since, j.not_before as next_attempt, l.topics
from message_links ml join links l on l.id = ml.link_id
left join message_link_titles g on g.message_id = ml.message_id and g.link_id = ml.link_id
left join link_fetch_jobs j on j.link_id = ml.link_id
where ml.message_id = any($1) order by ml.message_id, ml.position;

prepare neighbours(text[], text, text, text, text, int, int, int, bigint, int) as
(select 'parent' as kind, key, display, thread_count as n from tags where key = any($1)
 order by length(key))
union all
(select 'child', t.key, t.display, c.thread_count from (
     select key, thread_count from (
         select key, thread_count from tags
         where key ~>=~ $4 and key ~<~ $5 and strpos(substr(key, $6), '/') = 0
           and thread_count > 0
         order by key using ~<~ limit $7) c
     order by thread_count desc, key limit $8) c
 join tags t on t.key = c.key
 order by c.thread_count desc, c.key)
union all
(select 'alike', t.key, t.display, a.thread_count from (
     select key, thread_count from (
         (select key, thread_count from tags
          where key ~>~ $2 and key ~<~ $4 and thread_count > 0
          order by key using ~<~ limit $7)
         union all
         (select key, thread_count from tags
          where key ~>=~ $5 and key ~<~ $3 and thread_count > 0
          order by key using ~<~ limit $7)
         order by key using ~<~ limit $7) a
     order by thread_count desc, key limit $8) a
 join tags t on t.key = a.key
 order by a.thread_count desc, a.key)
union all
(select 'related', g.key, g.display, r.n from (
     select tt.tag_id, cast(count(*) as integer) as n from (
         select thread_id from thread_tags where tag_id = $9
         order by published_at desc, thread_id desc limit $10) latest
     join thread_tags tt on tt.thread_id = latest.thread_id and tt.tag_id <> $9
     group by tt.tag_id
     order by count(*) desc, tt.tag_id limit $8) r
 join tags g on g.id = r.tag_id
 order by r.n desc, g.key);

-- The values of the popular tag's page.
select id as tag from tags where key = :'popular' \gset
select array_agg(id) as tag_ids from (
    select id from tags where key = :'popular' or (key ~>=~ (:'popular' || '/') and key ~<~ (:'popular' || '/' || chr(1114111)))
    order by thread_count desc, id limit 500) t \gset
create temporary table shown as
select m.id, m.thread_id is not null as reply from (
    select thread_id from (
        select tt.thread_id, tt.published_at from thread_tags tt where tt.tag_id = any(:'tag_ids'::bigint[])
        order by tt.published_at desc, tt.thread_id desc limit 200) l
    group by thread_id order by max(published_at) desc limit 26) p join messages m on m.id = p.thread_id;
select array_agg(id) filter (where not reply) as threads, coalesce(array_agg(id) filter (where reply), '{}') as replies,
       array_agg(id) as ids from shown \gset

\o /dev/null
-- Five runs of each first, so that PostgreSQL may choose the generic plan as the application's sixth run would.
execute named(:'popular');
execute named(:'popular');
execute named(:'popular');
execute named(:'popular');
execute named(:'popular');
execute page(:'popular', :'popular' || '/', :'popular' || '/' || chr(1114111), 500, 26); execute page(:'popular', :'popular' || '/', :'popular' || '/' || chr(1114111), 500, 26); execute page(:'popular', :'popular' || '/', :'popular' || '/' || chr(1114111), 500, 26);
execute page(:'popular', :'popular' || '/', :'popular' || '/' || chr(1114111), 500, 26); execute page(:'popular', :'popular' || '/', :'popular' || '/' || chr(1114111), 500, 26);
execute chips(:'threads', :'replies'); execute chips(:'threads', :'replies'); execute chips(:'threads', :'replies');
execute chips(:'threads', :'replies'); execute chips(:'threads', :'replies');
execute link_cards(:'ids'); execute link_cards(:'ids'); execute link_cards(:'ids'); execute link_cards(:'ids');
execute link_cards(:'ids');
execute neighbours('{}', :'popular', :'popular' || chr(1114111), :'popular' || '/', :'popular' || '/' || chr(1114111), length(:'popular') + 2, 1000, 20, :tag, 500);
execute neighbours('{}', :'popular', :'popular' || chr(1114111), :'popular' || '/', :'popular' || '/' || chr(1114111), length(:'popular') + 2, 1000, 20, :tag, 500);
execute neighbours('{}', :'popular', :'popular' || chr(1114111), :'popular' || '/', :'popular' || '/' || chr(1114111), length(:'popular') + 2, 1000, 20, :tag, 500);
execute neighbours('{}', :'popular', :'popular' || chr(1114111), :'popular' || '/', :'popular' || '/' || chr(1114111), length(:'popular') + 2, 1000, 20, :tag, 500);
execute neighbours('{}', :'popular', :'popular' || chr(1114111), :'popular' || '/', :'popular' || '/' || chr(1114111), length(:'popular') + 2, 1000, 20, :tag, 500);
\o
\echo '==== The sixth run, as the application runs it (PostgreSQL chose the custom or the generic plan):'
\echo '== TagQueries.findByKey (the named tag)'
explain (analyze, buffers, costs off) execute named(:'popular');
\echo '== ThreadQueries.byTags (the site''s newest tagged threads of the tree, else its tags merged: TAG_MERGE)'
explain (analyze, buffers, costs off) execute page(:'popular', :'popular' || '/', :'popular' || '/' || chr(1114111), 500, 26);
\echo '== ThreadDecorator chips'
explain (analyze, buffers, costs off) execute chips(:'threads', :'replies');
\echo '== ThreadDecorator link cards'
explain (analyze, buffers, costs off) execute link_cards(:'ids');
\echo '== TagQueries.neighbours'
explain (analyze, buffers, costs off) execute neighbours('{}', :'popular', :'popular' || chr(1114111), :'popular' || '/', :'popular' || '/' || chr(1114111), length(:'popular') + 2, 1000, 20, :tag, 500);
\echo '== TagQueries.neighbours, related tags known (RelatedTags): the last part asks for tag -1'
explain (analyze, buffers, costs off) execute neighbours('{}', :'popular', :'popular' || chr(1114111), :'popular' || '/', :'popular' || '/' || chr(1114111), length(:'popular') + 2, 1000, 20, -1, 500);
\echo '==== The generic plan of each (plan_cache_mode = force_generic_plan)'
set plan_cache_mode = force_generic_plan;
\echo '== TagQueries.findByKey (the named tag)'
explain (analyze, buffers, costs off) execute named(:'popular');
\echo '== ThreadQueries.byTags (the site''s newest tagged threads of the tree, else its tags merged: TAG_MERGE)'
explain (analyze, buffers, costs off) execute page(:'popular', :'popular' || '/', :'popular' || '/' || chr(1114111), 500, 26);
\echo '== ThreadDecorator chips'
explain (analyze, buffers, costs off) execute chips(:'threads', :'replies');
\echo '== ThreadDecorator link cards'
explain (analyze, buffers, costs off) execute link_cards(:'ids');
\echo '== TagQueries.neighbours'
explain (analyze, buffers, costs off) execute neighbours('{}', :'popular', :'popular' || chr(1114111), :'popular' || '/', :'popular' || '/' || chr(1114111), length(:'popular') + 2, 1000, 20, :tag, 500);
