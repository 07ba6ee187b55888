-- Entries of an import over a limit of a message (length, tags, links) are left out and counted apart from
-- those the file's reader skipped, so that the progress page says why each was left out.
alter table imports add column over_limit integer not null default 0;
