-- Links that died (issue 15). failing_since: when the fetches of a link started failing, cleared by a success.
-- gone_since: when Veille judged the page gone (the server said 404 or 410, its name stopped resolving, or it
-- kept failing for veille.dead-links.gone-after), cleared when a re-check finds it again. Links that failed
-- before this migration carry neither: the first re-check decides.
alter table links
    add column failing_since timestamptz,
    add column gone_since    timestamptz;

-- The failed links the re-check walks, checked longest ago first: a bounded range of this index each time.
create index links_recheck_idx on links (checked_at) where fetch_status = 'failed';
