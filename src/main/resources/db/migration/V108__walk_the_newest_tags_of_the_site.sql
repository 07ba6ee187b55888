-- A tag page of a tree or a prefix first walks the site's newest tagged threads, newest first, and keeps those of
-- its tags (ThreadQueries.TAG_RECENT): the popular tree of 415 tags at a million messages finds its page within
-- 196 entries of this index instead of probing its tags one by one. It covers what the walk reads.
create index thread_tags_recent_idx on thread_tags (published_at desc, thread_id desc) include (tag_id);
