-- refresh_thread_search (V5) runs in every post's transaction. As a SQL function its two statements were
-- planned again at each call, search_fold inlined four times over: about a fifth of PostgreSQL's CPU time in a
-- burst of posts. In PL/pgSQL with a generic plan they are planned once per connection and the plan kept
-- (without the setting, PostgreSQL keeps choosing a custom plan for the array of ids, and plans each call):
-- 400 calls took 0.3-0.7 s instead of 1.8 s on the loaded benchmark machine (docs/BENCHMARKS.md, issue 11).
-- The documents it builds are unchanged.
create or replace function refresh_thread_search(thread_ids bigint[]) returns void
language plpgsql volatile
set plan_cache_mode = force_generic_plan
as $$
begin
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
end
$$;
