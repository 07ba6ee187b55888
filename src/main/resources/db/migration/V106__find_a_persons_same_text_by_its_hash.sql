-- Posting looks for the person's live message of the same text (MessageService.sameText). It walked all their
-- messages of the last seven days and compared each text: 5-10 ms a post for someone with 9,500 posts that week
-- (a bot, a feed, the mixed benchmark's writer), growing with each. The hash of the trimmed text finds it at once.
create index messages_same_text_idx on messages (author_id, md5(btrim(body, E' \t\n'))) where deleted_at is null;
