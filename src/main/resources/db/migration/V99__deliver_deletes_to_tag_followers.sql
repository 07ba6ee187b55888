-- A thread's Delete reaches its tags' followers too (docs/federation.md, Delivery): by the time an event is planned
-- the deleted thread's tags are gone, so the event keeps the ids of the tags it carried when it was deleted.
alter table federation_events add column tag_ids bigint[] not null default '{}';
