-- How many entries of an import were left out, for each reason (see moving.ImportService): the
-- reasons of the readers (transfer.SkippedBookmark.Reason: a browser's place: query, a javascript:
-- bookmarklet, another scheme, no address, a field too long…), PRIVATE when private bookmarks were
-- not asked for, and OVER_A_LIMIT for a message over one of the limits. imports.skipped is their sum.
-- Rows are written again with the running totals after each batch; import bookkeeping, so no page
-- change is announced.
create table import_skips (
    import_id bigint  not null,
    reason    text    not null,
    entries   integer not null,
    constraint import_skips_pk primary key (import_id, reason),
    constraint import_skips_import_fk foreign key (import_id) references imports (id) on delete cascade
);
