-- Related tags (TagQueries.neighbours) read the tags of a tag's latest threads: with the tag id in the
-- thread index, that is an index-only scan instead of a heap fetch per row (see docs/BENCHMARKS.md).
drop index thread_tags_thread_idx;
create index thread_tags_thread_idx on thread_tags (thread_id) include (tag_id);

-- The tree and prefix forms read the ids (and, for a feed's 304, the last change) of every tag in a key
-- range: with them in the index, a popular tag's 400 children are one index-only range scan.
drop index tags_key_prefix_idx;
create index tags_key_prefix_idx on tags (key text_pattern_ops) include (id, thread_count, changed_at);
