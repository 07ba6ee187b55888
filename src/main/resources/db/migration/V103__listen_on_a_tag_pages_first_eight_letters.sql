-- A tag page listened on a:<its key's first three letters>, so a thread gaining #economie dropped the kept page
-- of #ecologie (and of every tag starting "eco"), although that page lists only tags starting "ecologie". It now
-- listens on its key's first eight letters (fewer when shorter: PageKeys.ALIKE_LETTERS), and a tag announces
-- a:<its first 1, 2, … 8 letters>: a tag starting with a page's key still announces the page's key. Letters
-- are characters, as Java counts code points.
create or replace function tag_page_keys(tag_key text) returns text[]
language sql immutable as $$
    select array['g:' || tag_key]
        || array(select 'a:' || left(tag_key, letters) from generate_series(1, least(char_length(tag_key), 8)) letters)
$$;

-- Up to nine keys a tag, so a post's fifty tags stay under the cap: 1,024 keys instead of 256 (the payload's
-- 7,900 bytes still bound it), else '*' drops every kept page.
create or replace function announce_page_keys(keys text[]) returns void
language plpgsql as $$
declare
    distinct_keys text[] := array(select distinct given from unnest(keys) given where given is not null);
    payload text;
begin
    if cardinality(distinct_keys) = 0 then
        return;
    end if;
    payload := array_to_string(distinct_keys, ' ');
    if cardinality(distinct_keys) > 1024 or octet_length(payload) > 7900 then
        perform pg_notify('veille_page_changes', '*');
        return;
    end if;
    perform pg_notify('veille_page_changes', payload);
end
$$;
