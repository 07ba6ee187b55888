-- The title a person's browser showed for a link, sent by the bookmarklet: it wins over the fetched
-- title on cards and in feeds (a server may be shown a challenge page such as "Just a moment…").
alter table links add column given_title text;
