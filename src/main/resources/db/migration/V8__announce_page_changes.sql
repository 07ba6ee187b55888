-- Every committed change to a table that pages read is announced on one channel, once per transaction
-- (NOTIFY folds identical notifications): each instance's page cache listens and drops what it kept.
-- Queues, throttling and import bookkeeping change no page and stay silent.
create function announce_page_change() returns trigger
language plpgsql as $$
begin
    perform pg_notify('veille_page_changes', '');
    return null;
end
$$;

do $$
declare
    page_table text;
begin
    foreach page_table in array array[
        'accounts', 'alerts', 'api_tokens', 'blocks', 'home_feed_tokens', 'links', 'message_links',
        'message_mentions', 'message_tags', 'messages', 'person_follows', 'site_follows', 'site_paths',
        'site_threads', 'stars', 'tag_follows', 'tag_spellings', 'tags', 'thread_search', 'thread_sources',
        'thread_tags', 'thumbnails']
    loop
        execute format('create trigger %I after insert or update or delete or truncate on %I '
                       'for each statement execute function announce_page_change()',
                       page_table || '_announce_change', page_table);
    end loop;
end
$$;
