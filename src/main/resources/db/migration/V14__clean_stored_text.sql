-- Characters XML 1.0 forbids never enter storage (DESIGN §8): every input removes them since this
-- version (text.XmlChars). Rows stored before may hold those PostgreSQL can store (NUL and lone
-- surrogates it refuses): the C0 controls other than tab, line feed and carriage return, and the
-- noncharacters U+FFFE and U+FFFF. They are removed here as the inputs now remove them. None of them
-- shows or can be typed on purpose, so no visible text is lost. Derived rows are left as they are:
-- a message whose text held U+FFFF right after a hashtag ("#a\uFFFFb", tag a) keeps its tags until
-- it is next edited; its search document did not hold the character either way.
-- Each table is read once; only the rows holding such a character are written.
update messages
set body  = regexp_replace(body, '[\x01-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]', '', 'g'),
    title = regexp_replace(title, '[\x01-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]', '', 'g')
where body ~ '[\x01-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]' or title ~ '[\x01-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]';

update accounts
set display_name = regexp_replace(display_name, '[\x01-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]', '', 'g'),
    bio          = regexp_replace(bio, '[\x01-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]', '', 'g')
where display_name ~ '[\x01-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]' or bio ~ '[\x01-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]';

-- Text of fetched pages (the fetcher dropped C0 controls but not U+FFFE and U+FFFF). The bookmarklet's
-- titles are cleaned as V14_1 moves them to the messages that gave them.
update links
set title          = regexp_replace(title, '[\x01-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]', '', 'g'),
    description    = regexp_replace(description, '[\x01-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]', '', 'g'),
    site_name      = regexp_replace(site_name, '[\x01-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]', '', 'g'),
    failure_detail = regexp_replace(failure_detail, '[\x01-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]', '', 'g')
where title ~ '[\x01-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]' or description ~ '[\x01-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]'
   or site_name ~ '[\x01-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]' or failure_detail ~ '[\x01-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]';

update tags
set display = regexp_replace(display, '[\x01-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]', '', 'g')
where display ~ '[\x01-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]';

update imports
set file_name = regexp_replace(file_name, '[\x01-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]', '', 'g')
where file_name ~ '[\x01-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]';

update api_tokens
set name = regexp_replace(name, '[\x01-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]', '', 'g')
where name ~ '[\x01-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]';

-- A blocked fetch's detail, shown to the poster, named the private address the host resolved to
-- ("intranet.test resolves to 10.1.2.3, which is not public"): it names the host only now.
update links
set failure_detail = regexp_replace(failure_detail, ' resolves to .*$', ' is on a private or reserved network')
where failure_reason = 'BLOCKED_ADDRESS' and failure_detail like '% resolves to %';

update links
set failure_detail = regexp_replace(failure_detail, '^address (.*) is not public$', '\1 is on a private or reserved network')
where failure_reason = 'BLOCKED_ADDRESS' and failure_detail like 'address % is not public';
