-- The main query of each benchmarked page, as the application sends it (see ThreadQueries, TagQueries,
-- SearchService), with the corpus's tags, thread and reader. Run by bench/run.sh:
-- psql -v popular=KEY -v rare=KEY -v thread=ID -v reader=LOGIN -f bench/explain.sql
\pset pager off
\echo '== Tag page, popular tag, tree form: every statement of its first render, bench/explain-tag-page.sql'
\ir explain-tag-page.sql
\set ON_ERROR_STOP off

\echo '== Tag page, rare tag (one keyset walk)'
explain (analyze, buffers, costs off)
with page as (
    select thread_id, published_at as sort_time from thread_tags
    where tag_id = (select id from tags where key = :'rare')
    order by published_at desc, thread_id desc limit 26)
select m.id, m.title, m.body, a.login, page.sort_time from page
join messages m on m.id = page.thread_id join accounts a on a.id = m.author_id
where m.deleted_at is null order by page.sort_time desc, page.thread_id desc;

\echo '== Tag page neighbours: related tags of the popular tag (its latest 500 threads)'
explain (analyze, buffers, costs off)
select g.key, r.n from (
    select tt.tag_id, count(*) as n from (
        select thread_id from thread_tags where tag_id = (select id from tags where key = :'popular')
        order by published_at desc, thread_id desc limit 500) latest
    join thread_tags tt on tt.thread_id = latest.thread_id
    group by tt.tag_id order by count(*) desc, tt.tag_id limit 20) r
join tags g on g.id = r.tag_id order by r.n desc, g.key;

\echo '== Home stream of the reader (200 people, 50 tags: the site''s newest entries of its reasons, else each reason''s walk merged above a floor; ThreadQueries.HOME_MERGE)'
select id as me from accounts where login = :'reader' \gset
explain (analyze, buffers, costs off)
with page as (
    with source as materialized (
        select kind, cast(:me as text) as key from unnest(array['author', 'starrer', 'mention', 'replier']) kind
        union all
        select kind, f.followee_id::text from person_follows f cross join unnest(array['author', 'starrer']) kind
        where f.follower_id = :me
        union all
        select 'tag', f.tag_id::text from tag_follows f where f.account_id = :me
        union all
        select 'site', f.site from site_follows f where f.account_id = :me),
    recent as materialized (
        select distinct on (r.activity_at, r.thread_id) r.thread_id, r.activity_at as sort_time
        from (select ts.thread_id, ts.activity_at, ts.kind, ts.key, ts.author_id from thread_sources ts
              order by ts.activity_at desc, ts.thread_id desc
              limit (select 8 * count(*) from source)) r
        where ((r.kind, r.key) in (select kind, key from source)) is true
          and r.author_id <> all(array(select b.blocked_id from blocks b where b.blocker_id = :me))
        order by r.activity_at desc, r.thread_id desc
        limit 26 + 1),
    found as materialized (select thread_id, max(sort_time) as sort_time from recent group by thread_id),
    newest as materialized (
        select source.*, top.thread_id as top_thread, top.sort_time as top
        from source left join lateral (
            select ts.thread_id, ts.activity_at as sort_time from thread_sources ts
            where ts.kind = source.kind and ts.key = source.key
              and ts.author_id <> all(array(select b.blocked_id from blocks b where b.blocker_id = :me))
            order by ts.activity_at desc, ts.thread_id desc limit 1) top on true),
    floor as (
        select case when count(*) >= 26 then min(top) else '-infinity' end as at from (
            select max(top) as top from newest where top is not null
            group by top_thread order by top desc limit 26) highest)
    (select thread_id, sort_time, null::text as starred_by from found
     where (select count(*) from found) > 26
     order by sort_time desc, thread_id desc limit 26)
    union all
    (select e.thread_id, max(e.sort_time) as sort_time, null::text as starred_by
     from newest source cross join floor cross join lateral (
         select ts.thread_id, ts.activity_at as sort_time from thread_sources ts
         where ts.kind = source.kind and ts.key = source.key
           and ts.author_id <> all(array(select b.blocked_id from blocks b where b.blocker_id = :me))
         order by ts.activity_at desc, ts.thread_id desc limit 26) e
     where (select count(*) from found) <= 26 and source.top >= floor.at and e.sort_time >= floor.at
     group by e.thread_id
     order by sort_time desc, e.thread_id desc limit 26))
select m.id, m.title, m.body, a.login, page.sort_time from page
join messages m on m.id = page.thread_id join accounts a on a.id = m.author_id
where m.deleted_at is null order by page.sort_time desc, page.thread_id desc;

\echo '== Thread page with its replies'
explain (analyze, buffers, costs off)
select m.id, m.body, a.login from messages m join accounts a on a.id = m.author_id
where (m.id = :thread and m.thread_id is null or m.thread_id = :thread) and m.deleted_at is null
  and exists (select 1 from messages t where t.id = :thread and t.deleted_at is null)
order by m.thread_id nulls first, m.created_at, m.id;

\echo '== Search, two words, newest first'
explain (analyze, buffers, costs off)
select s.thread_id, s.published_at from thread_search s
where s.document @@ websearch_to_tsquery('simple', search_fold('énergie solaire'))
order by s.published_at desc, s.thread_id desc limit 26;

\echo '== Search, two words, relevance'
explain (analyze, buffers, costs off)
select thread_id, sort_time from (
    select s.thread_id, timestamptz 'epoch' + cast(ts_rank(s.document, websearch_to_tsquery('simple', search_fold('énergie solaire'))) * 1000000 as bigint) * interval '1 microsecond' as sort_time
    from (select s.thread_id, s.document from thread_search s
          where s.document @@ websearch_to_tsquery('simple', search_fold('énergie solaire'))
          order by s.published_at desc, s.thread_id desc limit 2000) s) ranked
order by sort_time desc, thread_id desc limit 26;

\echo '== Tag feed 304: the display name and the last change of the tag and its children (TagQueries.stamp)'
explain (analyze, buffers, costs off)
select display, changed_at from (
    select (select display from tags where key = :'popular') as display,
           (select max(changed_at) from (
                select changed_at from tags where key = :'popular'
                union all
                select changed_at from tags
                where key ~>=~ (:'popular' || '/') and key ~<~ (:'popular' || '/' || chr(1114111))) m) as changed_at) s
where changed_at is not null;
