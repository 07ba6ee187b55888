-- d:<tag key> drops every card showing the tag as a chip. It was announced on any update of the tag's row, and a
-- row is updated for each thread gaining or losing the tag (its count, changed_at): a post to #ecologie dropped
-- every kept page with a card carrying an #ecologie chip, home streams and other tags' pages alike. A chip shows
-- only the key and the display form: d: now goes out when one of them changes, or the row goes.
create or replace function tags_page_keys() returns trigger
language plpgsql as $$
declare
    keys text[] := array['tags'];
begin
    if tg_op <> 'DELETE' then
        keys := keys || array(select unnest(tag_page_keys(r.key)) from new_rows r);
    end if;
    if tg_op = 'UPDATE' then
        keys := keys || array(select unnest(tag_page_keys(o.key)) from old_rows o)
            || array(select 'd:' || o.key from old_rows o join new_rows n on n.id = o.id
                     where n.display is distinct from o.display or n.key is distinct from o.key);
    elsif tg_op = 'DELETE' then
        keys := keys || array(select unnest(tag_page_keys(r.key) || array['d:' || r.key]) from old_rows r);
    end if;
    perform announce_page_keys(keys);
    return null;
end
$$;
