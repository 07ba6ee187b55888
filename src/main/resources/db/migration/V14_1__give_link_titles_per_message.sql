-- The title a person's browser showed for a link, sent by the bookmarklet, belongs to the message it
-- was posted with: links.given_title was shared by every message citing the link, so someone posting
-- the same URL with another title changed the card of everyone's message (issue 11). Cards and feeds
-- show the message's own given title, else the fetched one (thread.ThreadDecorator). The row outlives
-- an edit that stops citing the link; it shows again if the link comes back.
create table message_link_titles (
    message_id  bigint not null,
    link_id     bigint not null,
    given_title text   not null,
    constraint message_link_titles_pk primary key (message_id, link_id),
    constraint message_link_titles_message_fk foreign key (message_id) references messages (id) on delete cascade,
    constraint message_link_titles_link_fk foreign key (link_id) references links (id)
);
-- No index but the key: cards join this table by (message_id, link_id), never by link alone.

-- Which message gave a stored title was not recorded. It stays on the first message stored citing
-- the link (the lowest id), most often the only one; the others show the fetched title. It leaves
-- the characters XML forbids behind, as V14 does for the other texts.
insert into message_link_titles (message_id, link_id, given_title)
select distinct on (ml.link_id) ml.message_id, ml.link_id,
       regexp_replace(l.given_title, '[\x01-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]', '', 'g')
from links l join message_links ml on ml.link_id = l.id
where l.given_title is not null
order by ml.link_id, ml.message_id;

alter table links drop column given_title;

create trigger message_link_titles_announce_change
    after insert or update or delete or truncate on message_link_titles
    for each statement execute function announce_page_change();
