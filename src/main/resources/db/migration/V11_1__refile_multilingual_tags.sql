-- Issue 11: a multilingual tag (#[fr]Étiquette[en]Label) no longer has one key joining its languages
-- ([en]label[fr]etiquette): its message is filed under the key of each label (docs/markup.md). This moves
-- what was filed under a joined key to the tags of its labels, as editing each message would, then drops
-- the joined tag. Only joined keys start with '[' (no tag body holds one); each part of one is '[' the
-- language ']' the folded label, and each spelling holds the labels as typed. Runs again harmlessly.

-- One row per joined tag and label: the label's key, its language, and its spelling in the tag's display.
create temporary table joined_labels as
select j.id as joined_id, k.part[1] as language, k.part[2] as key, j.changed_at,
       coalesce((select d.part[2] from regexp_matches(j.display, '\[([A-Za-z0-9-]+)\]([^[]+)', 'g') as d(part)
                 where lower(d.part[1]) = k.part[1] limit 1), k.part[2]) as display
from tags j
cross join lateral regexp_matches(j.key, '\[([a-z0-9-]+)\]([^[]+)', 'g') as k(part)
where j.key like '[%';

insert into tags (key, display, changed_at)
select distinct on (key) key, display, changed_at from joined_labels order by key, changed_at desc
on conflict (key) do update set changed_at = greatest(tags.changed_at, excluded.changed_at);

create temporary table tag_moves as
select l.joined_id, t.id as tag_id, l.language from joined_labels l join tags t on t.key = l.key;

insert into message_tags (message_id, tag_id, position)
select mt.message_id, m.tag_id, mt.position from message_tags mt join tag_moves m on m.joined_id = mt.tag_id
order by mt.message_id, m.tag_id
on conflict (message_id, tag_id) do nothing;

insert into thread_tags (tag_id, thread_id, published_at)
select m.tag_id, tt.thread_id, tt.published_at from thread_tags tt join tag_moves m on m.joined_id = tt.tag_id
order by m.tag_id, tt.thread_id
on conflict (tag_id, thread_id) do update set published_at = least(thread_tags.published_at, excluded.published_at);

-- Each spelling of the joined tag counts for the label of each language it holds.
insert into tag_spellings (tag_id, display, uses)
select m.tag_id, label.display, sum(s.uses)
from tag_spellings s
join tag_moves m on m.joined_id = s.tag_id
cross join lateral (select d.part[2] as display
                    from regexp_matches(s.display, '\[([A-Za-z0-9-]+)\]([^[]+)', 'g') as d(part)
                    where lower(d.part[1]) = m.language limit 1) as label
group by m.tag_id, label.display
order by m.tag_id, label.display
on conflict (tag_id, display) do update set uses = tag_spellings.uses + excluded.uses;

insert into tag_follows (account_id, tag_id, created_at)
select f.account_id, m.tag_id, f.created_at from tag_follows f join tag_moves m on m.joined_id = f.tag_id
order by f.account_id, m.tag_id
on conflict (account_id, tag_id) do nothing;

insert into thread_sources (kind, key, thread_id, author_id, activity_at)
select 'tag', m.tag_id::text, s.thread_id, s.author_id, s.activity_at
from thread_sources s join tag_moves m on s.kind = 'tag' and s.key = m.joined_id::text
order by m.tag_id, s.thread_id
on conflict (kind, key, thread_id) do nothing;

create temporary table moved_threads as
select distinct tt.thread_id from thread_tags tt join tag_moves m on m.joined_id = tt.tag_id;

delete from thread_sources where kind = 'tag' and key in (select joined_id::text from tag_moves);
delete from message_tags where tag_id in (select joined_id from tag_moves);
delete from thread_tags where tag_id in (select joined_id from tag_moves);
delete from tag_spellings where tag_id in (select joined_id from tag_moves);
delete from tags where id in (select joined_id from tag_moves);

update tags set thread_count = (select count(*) from thread_tags tt where tt.tag_id = tags.id),
                display = coalesce((select s.display from tag_spellings s where s.tag_id = tags.id
                                    order by s.uses desc, s.display limit 1), display)
where id in (select tag_id from tag_moves);

-- Search documents hold the tags' displays.
select refresh_thread_search(array(select thread_id from moved_threads order by thread_id));

drop table joined_labels, tag_moves, moved_threads;
