-- Home streams were dropped for every reader on any post ('h' from messages, mentions, spellings, alerts and every
-- thread row): with a writer posting five times a second no signed-in reader's home page was ever served from
-- memory. A thread enters or moves in someone's stream only through its rows of thread_sources (kind, key): those
-- rows now announce h:<kind>:<key>, and a home page listens on the keys of its reader's reasons (their own, the
-- people, tags and sites they follow: ThreadQueries.home), beside t:<thread> for each card it shows. What changes
-- one reader's reasons or their home page's links (their follows, tokens, alerts) announces h:reader:<account id>.

create or replace function messages_page_keys() returns trigger
language plpgsql as $$
declare
    keys text[] := array['all'];
begin
    if tg_op <> 'DELETE' then
        keys := keys || array(select unnest(array['t:' || coalesce(r.thread_id, r.id), 'm:' || r.id,
                                                  'p:' || lower(a.login)])
                              from new_rows r left join accounts a on a.id = r.author_id);
    end if;
    if tg_op <> 'INSERT' then
        keys := keys || array(select unnest(array['t:' || coalesce(r.thread_id, r.id), 'm:' || r.id,
                                                  'p:' || lower(a.login)])
                              from old_rows r left join accounts a on a.id = r.author_id);
    end if;
    perform announce_page_keys(keys);
    return null;
end
$$;

-- A mention enters the mentioned person's stream through thread_sources (kind 'mention').
create or replace function message_rows_page_keys() returns trigger
language plpgsql as $$
declare
    keys text[] := '{}';
begin
    if tg_op <> 'DELETE' then
        keys := keys || array(select 't:' || coalesce(m.thread_id, m.id) from new_rows r join messages m on m.id = r.message_id);
        if tg_table_name = 'message_mentions' then
            keys := keys || array(select 'p:' || lower(a.login) from new_rows r join accounts a on a.id = r.account_id);
        elsif tg_table_name = 'message_tags' then
            keys := keys || array(select unnest(tag_page_keys(t.key)) from new_rows r join tags t on t.id = r.tag_id);
        else
            keys := keys || array(select 'l:' || r.link_id from new_rows r);
        end if;
    end if;
    if tg_op <> 'INSERT' then
        keys := keys || array(select 't:' || coalesce(m.thread_id, m.id) from old_rows r join messages m on m.id = r.message_id);
        if tg_table_name = 'message_mentions' then
            keys := keys || array(select 'p:' || lower(a.login) from old_rows r join accounts a on a.id = r.account_id);
        elsif tg_table_name = 'message_tags' then
            keys := keys || array(select unnest(tag_page_keys(t.key)) from old_rows r join tags t on t.id = r.tag_id);
        else
            keys := keys || array(select 'l:' || r.link_id from old_rows r);
        end if;
    end if;
    perform announce_page_keys(keys);
    return null;
end
$$;

-- A row naming a thread (its tags, its search document, its source, a star, a site citing it).
create or replace function thread_rows_page_keys() returns trigger
language plpgsql as $$
declare
    keys text[] := '{}';
begin
    if tg_table_name = 'thread_search' then
        keys := keys || array['q'];
    end if;
    if tg_op <> 'DELETE' then
        keys := keys || array(select 't:' || r.thread_id from new_rows r);
        if tg_table_name = 'thread_tags' then
            keys := keys || array(select unnest(tag_page_keys(t.key)) from new_rows r join tags t on t.id = r.tag_id);
        elsif tg_table_name = 'stars' then
            keys := keys || array(select 'p:' || lower(a.login) from new_rows r join accounts a on a.id = r.account_id);
        elsif tg_table_name = 'site_threads' then
            keys := keys || array(select 's:' || p.host from new_rows r join site_paths p on p.id = r.site_path_id);
        elsif tg_table_name = 'thread_sources' then
            keys := keys || array(select 'h:' || r.kind || ':' || r.key from new_rows r);
        end if;
    end if;
    if tg_op <> 'INSERT' then
        keys := keys || array(select 't:' || r.thread_id from old_rows r);
        if tg_table_name = 'thread_tags' then
            keys := keys || array(select unnest(tag_page_keys(t.key)) from old_rows r join tags t on t.id = r.tag_id);
        elsif tg_table_name = 'stars' then
            keys := keys || array(select 'p:' || lower(a.login) from old_rows r join accounts a on a.id = r.account_id);
        elsif tg_table_name = 'site_threads' then
            keys := keys || array(select 's:' || p.host from old_rows r join site_paths p on p.id = r.site_path_id);
        elsif tg_table_name = 'thread_sources' then
            keys := keys || array(select 'h:' || r.kind || ':' || r.key from old_rows r);
        end if;
    end if;
    perform announce_page_keys(keys);
    return null;
end
$$;

-- A tag's spellings show as its display form (tags.display: d:, V105) and on its page (g:); its follows change the
-- follower's reasons.
create or replace function tag_rows_page_keys() returns trigger
language plpgsql as $$
declare
    keys text[] := '{}';
begin
    if tg_op <> 'DELETE' then
        keys := keys || array(select 'g:' || t.key from new_rows r join tags t on t.id = r.tag_id);
        if tg_table_name = 'tag_follows' then
            keys := keys || array(select unnest(array['p:' || lower(a.login), 'h:reader:' || r.account_id])
                                  from new_rows r join accounts a on a.id = r.account_id);
        end if;
    end if;
    if tg_op <> 'INSERT' then
        keys := keys || array(select 'g:' || t.key from old_rows r join tags t on t.id = r.tag_id);
        if tg_table_name = 'tag_follows' then
            keys := keys || array(select unnest(array['p:' || lower(a.login), 'h:reader:' || r.account_id])
                                  from old_rows r join accounts a on a.id = r.account_id);
        end if;
    end if;
    perform announce_page_keys(keys);
    return null;
end
$$;

create or replace function follows_page_keys() returns trigger
language plpgsql as $$
declare
    keys text[] := '{}';
begin
    if tg_op <> 'DELETE' then
        if tg_table_name = 'person_follows' then
            keys := keys || array(select unnest(array['p:' || lower(a.login), 'p:' || lower(b.login),
                                                      'h:reader:' || r.follower_id]) from new_rows r
                                  join accounts a on a.id = r.follower_id join accounts b on b.id = r.followee_id);
        else
            keys := keys || array(select unnest(array['s:' || r.site, 'p:' || lower(a.login), 'h:reader:' || r.account_id])
                                  from new_rows r join accounts a on a.id = r.account_id);
        end if;
    end if;
    if tg_op <> 'INSERT' then
        if tg_table_name = 'person_follows' then
            keys := keys || array(select unnest(array['p:' || lower(a.login), 'p:' || lower(b.login),
                                                      'h:reader:' || r.follower_id]) from old_rows r
                                  join accounts a on a.id = r.follower_id join accounts b on b.id = r.followee_id);
        else
            keys := keys || array(select unnest(array['s:' || r.site, 'p:' || lower(a.login), 'h:reader:' || r.account_id])
                                  from old_rows r join accounts a on a.id = r.account_id);
        end if;
    end if;
    perform announce_page_keys(keys);
    return null;
end
$$;

-- Tokens and alerts show on no kept page but their reader's home stream (its feed link). They announced 'h' for
-- every statement, one inserting no row included (the alerts of a post that alerts no one).
create function reader_rows_page_keys() returns trigger
language plpgsql as $$
declare
    keys text[] := '{}';
begin
    if tg_op <> 'DELETE' then
        keys := keys || array(select 'h:reader:' || r.account_id from new_rows r);
    end if;
    if tg_op <> 'INSERT' then
        keys := keys || array(select 'h:reader:' || r.account_id from old_rows r);
    end if;
    perform announce_page_keys(keys);
    return null;
end
$$;

do $$
declare
    page_table text;
begin
    foreach page_table in array array['alerts', 'api_tokens', 'home_feed_tokens'] loop
        execute format('drop trigger %I on %I', page_table || '_page_keys', page_table);
        execute format('create trigger %I after insert on %I referencing new table as new_rows '
                       'for each statement execute function reader_rows_page_keys()', page_table || '_page_keys_insert',
                       page_table);
        execute format('create trigger %I after update on %I referencing old table as old_rows new table as new_rows '
                       'for each statement execute function reader_rows_page_keys()', page_table || '_page_keys_update',
                       page_table);
        execute format('create trigger %I after delete on %I referencing old table as old_rows '
                       'for each statement execute function reader_rows_page_keys()', page_table || '_page_keys_delete',
                       page_table);
        execute format('create trigger %I after truncate on %I '
                       'for each statement execute function announce_everything()', page_table || '_page_keys_truncate',
                       page_table);
    end loop;
end
$$;

drop function home_page_keys();
