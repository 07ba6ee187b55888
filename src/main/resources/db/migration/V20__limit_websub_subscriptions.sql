-- The hub keeps at most so many subscriptions per callback host and per topic (websub.SubscriptionRequests),
-- counting the live ones and those waiting for their verification.

-- The host of a callback URL: lower case, without user info, port, brackets or final dot. Immutable, so that
-- an index can hold it.
create function websub_callback_host(callback text) returns text
    language sql immutable parallel safe
    return rtrim(lower(substring(callback from '^[A-Za-z][A-Za-z0-9+.-]*://(?:[^@/?#]*@)?(\[[^]/?#]*\]|[^:/?#]*)')),
                 '.');

-- Counting a host's subscriptions reads only its own rows.
create index websub_subscriptions_callback_host_idx on websub_subscriptions (websub_callback_host(callback));
-- Verifications waiting, by callback host and by topic, for the same counts; the topic's live subscriptions are
-- found through websub_subscriptions_key (topic, callback).
create index websub_jobs_verify_host_idx on websub_jobs (websub_callback_host(callback)) where kind = 'verify';
create index websub_jobs_verify_topic_idx on websub_jobs (topic) where kind = 'verify';
