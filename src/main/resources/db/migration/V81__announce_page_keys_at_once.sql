-- A statement's page keys go out in one notification, separated by spaces (no key holds one), instead of one
-- notification a key: a post announced about thirty, each queued by PostgreSQL and read by every instance's
-- listener (issue 11's burst). More than 256 keys, or more than a payload holds, is still '*'.
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
    if cardinality(distinct_keys) > 256 or octet_length(payload) > 7900 then
        perform pg_notify('veille_page_changes', '*');
        return;
    end if;
    perform pg_notify('veille_page_changes', payload);
end
$$;
