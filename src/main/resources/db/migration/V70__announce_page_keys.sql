-- Page changes are announced per key instead of as one signal (issue 16): each committed statement on a
-- table pages read sends the keys of what it changed on the same channel, one notification a key
-- (PostgreSQL folds identical ones in a transaction), and each instance's page cache drops only the pages
-- that showed one of them. docs/architecture.md ("The page cache") lists the keys:
--   t:<thread>  m:<message>  p:<lower-case login>  g:<tag key>  a:<first 1, 2 or 3 letters of a tag key>
--   d:<tag key> (its display form changed)  l:<link>  s:<host>  all  h (home streams)  q (search)  tags
--   *  (everything: a rare change whose reach is wide, or too many keys at once)
-- The statement-level triggers read the statement's rows from transition tables: one query a statement,
-- not one a row. Tables still on announce_page_change() (site_settings, and any added later) send '',
-- which the cache reads as '*'.

-- Sends the keys, each once; more than 256 in one statement, or a key too long for a payload, is '*'.
create function announce_page_keys(keys text[]) returns void
language plpgsql as $$
declare
    distinct_keys text[] := array(select distinct given from unnest(keys) given where given is not null);
    page_key text;
begin
    if cardinality(distinct_keys) > 256
            or exists (select 1 from unnest(distinct_keys) given where octet_length(given) > 1000) then
        perform pg_notify('veille_page_changes', '*');
        return;
    end if;
    foreach page_key in array distinct_keys loop
        perform pg_notify('veille_page_changes', page_key);
    end loop;
end
$$;

-- A tag's own key, and the keys of the pages of tags starting alike (prefix pages, children, "starting
-- alike" lists): a page of tag K listens on a:<K's first three letters, or fewer if K is shorter>.
create function tag_page_keys(tag_key text) returns text[]
language sql immutable as $$
    select array['g:' || tag_key, 'a:' || left(tag_key, 1), 'a:' || left(tag_key, 2), 'a:' || left(tag_key, 3)]
$$;

create function announce_everything() returns trigger
language plpgsql as $$
begin
    perform pg_notify('veille_page_changes', '*');
    return null;
end
$$;

create function messages_page_keys() returns trigger
language plpgsql as $$
declare
    keys text[] := array['all', 'h'];
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

-- A row naming a message (mentions, tags, links, given titles): its thread's key, and what the row names.
create function message_rows_page_keys() returns trigger
language plpgsql as $$
declare
    keys text[] := '{}';
begin
    if tg_op <> 'DELETE' then
        keys := keys || array(select 't:' || coalesce(m.thread_id, m.id) from new_rows r join messages m on m.id = r.message_id);
        if tg_table_name = 'message_mentions' then
            keys := keys || array(select 'p:' || lower(a.login) from new_rows r join accounts a on a.id = r.account_id)
                || array['h'];
        elsif tg_table_name = 'message_tags' then
            keys := keys || array(select unnest(tag_page_keys(t.key)) from new_rows r join tags t on t.id = r.tag_id);
        else
            keys := keys || array(select 'l:' || r.link_id from new_rows r);
        end if;
    end if;
    if tg_op <> 'INSERT' then
        keys := keys || array(select 't:' || coalesce(m.thread_id, m.id) from old_rows r join messages m on m.id = r.message_id);
        if tg_table_name = 'message_mentions' then
            keys := keys || array(select 'p:' || lower(a.login) from old_rows r join accounts a on a.id = r.account_id)
                || array['h'];
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
create function thread_rows_page_keys() returns trigger
language plpgsql as $$
declare
    keys text[] := array['h'];
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
        end if;
    end if;
    perform announce_page_keys(keys);
    return null;
end
$$;

-- A tag's row: its count, its display form (d: drops every card showing it as a chip), its existence.
create function tags_page_keys() returns trigger
language plpgsql as $$
declare
    keys text[] := array['tags'];
begin
    if tg_op <> 'DELETE' then
        keys := keys || array(select unnest(tag_page_keys(r.key)) from new_rows r);
    end if;
    if tg_op <> 'INSERT' then
        keys := keys || array(select unnest(tag_page_keys(r.key) || array['d:' || r.key]) from old_rows r);
    end if;
    perform announce_page_keys(keys);
    return null;
end
$$;

-- A row naming a tag: its spellings (the tag page shows the display form), who follows it.
create function tag_rows_page_keys() returns trigger
language plpgsql as $$
declare
    keys text[] := array['h'];
begin
    if tg_op <> 'DELETE' then
        keys := keys || array(select 'g:' || t.key from new_rows r join tags t on t.id = r.tag_id);
        if tg_table_name = 'tag_follows' then
            keys := keys || array(select 'p:' || lower(a.login) from new_rows r join accounts a on a.id = r.account_id);
        end if;
    end if;
    if tg_op <> 'INSERT' then
        keys := keys || array(select 'g:' || t.key from old_rows r join tags t on t.id = r.tag_id);
        if tg_table_name = 'tag_follows' then
            keys := keys || array(select 'p:' || lower(a.login) from old_rows r join accounts a on a.id = r.account_id);
        end if;
    end if;
    perform announce_page_keys(keys);
    return null;
end
$$;

-- People: who they are shows on every card they wrote and every mention of them (a new login turns
-- mentions into links): '*', except for bookkeeping columns, which change their own pages at most.
create function accounts_page_keys() returns trigger
language plpgsql as $$
begin
    if tg_op = 'UPDATE' then
        if not exists (
                select 1 from old_rows o join new_rows n on n.id = o.id
                where (o.login, o.display_name, o.bio, o.language, o.suspended_at, o.must_confirm, o.created_at)
                      is distinct from (n.login, n.display_name, n.bio, n.language, n.suspended_at, n.must_confirm,
                                        n.created_at)) then
            perform announce_page_keys(array(select 'p:' || lower(r.login) from new_rows r));
            return null;
        end if;
    end if;
    perform pg_notify('veille_page_changes', '*');
    return null;
end
$$;

create function follows_page_keys() returns trigger
language plpgsql as $$
declare
    keys text[] := array['h'];
begin
    if tg_op <> 'DELETE' then
        if tg_table_name = 'person_follows' then
            keys := keys || array(select unnest(array['p:' || lower(a.login), 'p:' || lower(b.login)]) from new_rows r
                                  join accounts a on a.id = r.follower_id join accounts b on b.id = r.followee_id);
        else
            keys := keys || array(select unnest(array['s:' || r.site, 'p:' || lower(a.login)]) from new_rows r
                                  join accounts a on a.id = r.account_id);
        end if;
    end if;
    if tg_op <> 'INSERT' then
        if tg_table_name = 'person_follows' then
            keys := keys || array(select unnest(array['p:' || lower(a.login), 'p:' || lower(b.login)]) from old_rows r
                                  join accounts a on a.id = r.follower_id join accounts b on b.id = r.followee_id);
        else
            keys := keys || array(select unnest(array['s:' || r.site, 'p:' || lower(a.login)]) from old_rows r
                                  join accounts a on a.id = r.account_id);
        end if;
    end if;
    perform announce_page_keys(keys);
    return null;
end
$$;

-- A link's card (a fetch brings its title, thumbnail, site name) and its site's pages.
create function links_page_keys() returns trigger
language plpgsql as $$
declare
    keys text[] := '{}';
begin
    if tg_op <> 'DELETE' then
        keys := keys || array(select unnest(array['l:' || r.id, 's:' || r.host]) from new_rows r);
    end if;
    if tg_op <> 'INSERT' then
        keys := keys || array(select unnest(array['l:' || r.id, 's:' || r.host]) from old_rows r);
    end if;
    perform announce_page_keys(keys);
    return null;
end
$$;

create function site_paths_page_keys() returns trigger
language plpgsql as $$
declare
    keys text[] := '{}';
begin
    if tg_op <> 'DELETE' then
        keys := keys || array(select 's:' || r.host from new_rows r);
    end if;
    if tg_op <> 'INSERT' then
        keys := keys || array(select 's:' || r.host from old_rows r);
    end if;
    perform announce_page_keys(keys);
    return null;
end
$$;

-- Tokens and alerts show on no kept page but the home stream's (its feed link).
create function home_page_keys() returns trigger
language plpgsql as $$
begin
    perform pg_notify('veille_page_changes', 'h');
    return null;
end
$$;

do $$
declare
    entry text[];
    page_table text;
    keys_function text;
begin
    foreach entry slice 1 in array array[
        array['messages', 'messages_page_keys'],
        array['message_mentions', 'message_rows_page_keys'],
        array['message_tags', 'message_rows_page_keys'],
        array['message_links', 'message_rows_page_keys'],
        array['message_link_titles', 'message_rows_page_keys'],
        array['thread_tags', 'thread_rows_page_keys'],
        array['thread_search', 'thread_rows_page_keys'],
        array['thread_sources', 'thread_rows_page_keys'],
        array['stars', 'thread_rows_page_keys'],
        array['site_threads', 'thread_rows_page_keys'],
        array['tags', 'tags_page_keys'],
        array['tag_spellings', 'tag_rows_page_keys'],
        array['tag_follows', 'tag_rows_page_keys'],
        array['accounts', 'accounts_page_keys'],
        array['person_follows', 'follows_page_keys'],
        array['site_follows', 'follows_page_keys'],
        array['links', 'links_page_keys'],
        array['site_paths', 'site_paths_page_keys'],
        array['alerts', 'home_page_keys'],
        array['api_tokens', 'home_page_keys'],
        array['home_feed_tokens', 'home_page_keys'],
        array['blocks', 'announce_everything'],
        array['thumbnails', '']]
    loop
        page_table := entry[1];
        keys_function := entry[2];
        execute format('drop trigger %I on %I', page_table || '_announce_change', page_table);
        -- Thumbnails never change once stored; a link's row names the one it shows.
        continue when keys_function = '';
        if keys_function = 'announce_everything' or keys_function = 'home_page_keys' then
            execute format('create trigger %I after insert or update or delete or truncate on %I '
                           'for each statement execute function %I()', page_table || '_page_keys', page_table,
                           keys_function);
            continue;
        end if;
        -- A trigger with transition tables answers one kind of statement: three of them, and truncate apart.
        execute format('create trigger %I after insert on %I referencing new table as new_rows '
                       'for each statement execute function %I()', page_table || '_page_keys_insert', page_table,
                       keys_function);
        execute format('create trigger %I after update on %I referencing old table as old_rows new table as new_rows '
                       'for each statement execute function %I()', page_table || '_page_keys_update', page_table,
                       keys_function);
        execute format('create trigger %I after delete on %I referencing old table as old_rows '
                       'for each statement execute function %I()', page_table || '_page_keys_delete', page_table,
                       keys_function);
        execute format('create trigger %I after truncate on %I '
                       'for each statement execute function announce_everything()', page_table || '_page_keys_truncate',
                       page_table);
    end loop;
end
$$;
