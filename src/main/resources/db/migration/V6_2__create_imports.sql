-- Imports of bookmark files (see moving.ImportService): one row per upload, for its progress page.
create table imports (
    id          bigint      generated always as identity,
    account_id  bigint      not null,
    file_name   text        not null,
    format      text,
    status      text        not null,
    enrich      boolean     not null,
    total       integer     not null default 0,
    created     integer     not null default 0,
    duplicates  integer     not null default 0,
    skipped     integer     not null default 0,
    problem     text,
    started_at  timestamptz not null,
    finished_at timestamptz,
    constraint imports_pk primary key (id),
    constraint imports_account_fk foreign key (account_id) references accounts (id) on delete cascade,
    constraint imports_status_check check (status in ('running', 'done', 'failed'))
);
create index imports_account_idx on imports (account_id, started_at desc);

-- What each imported message came from, so that importing the same file again creates nothing:
-- the entry's id in its source, else its URL and date (see transfer.Bookmark), hashed.
create table imported_entries (
    account_id bigint not null,
    entry_key  bytea  not null,
    message_id bigint not null,
    constraint imported_entries_pk primary key (account_id, entry_key),
    constraint imported_entries_account_fk foreign key (account_id) references accounts (id) on delete cascade,
    constraint imported_entries_message_fk foreign key (message_id) references messages (id) on delete cascade
);
