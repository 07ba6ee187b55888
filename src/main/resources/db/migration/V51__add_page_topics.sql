-- Topic tags from the pages (issue 15): the keywords a fetched page declares, as tag display forms (at most five,
-- one per key). Offered to the poster and shown on the link's card as the page's own; they file nothing: a thread
-- carries a tag only once someone types it. Read with the links of a page, never looked up by value: no index.
alter table links add column topics text[];
