package org.veille.message;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import org.veille.account.PersonFeeds;
import org.veille.database.Timestamps;
import org.veille.markup.ParsedMessage;

/**
 * The write path of {@link MessageService} and {@link MessageEditService} for callers outside this
 * package (the posting API): same limits, same derivations, same rules of who may do what.
 */
@Service
public class MessageCommands {

	private static final HexFormat HEX = HexFormat.of();

	/** A message written: its id, its thread, and whether this call created it. */
	public record Written(long id, long threadId, boolean created) {
	}

	private final MessageService messageService;

	private final MessageEditService editService;

	private final MessageDerivations derivations;

	private final PersonFeeds personFeeds;

	private final JdbcClient jdbc;

	MessageCommands(MessageService messageService, MessageEditService editService,
			MessageDerivations derivations, PersonFeeds personFeeds, JdbcClient jdbc) {
		this.messageService = messageService;
		this.editService = editService;
		this.derivations = derivations;
		this.personFeeds = personFeeds;
		this.jdbc = jdbc;
	}

	/**
	 * Posts a thread, or a reply when {@code inReplyTo} is set, under this UUID (a random one when
	 * null); sent again with the same UUID, it creates nothing and answers the first message.
	 * @throws MessageRejectedException over a limit
	 * @throws UuidTakenException when the UUID is someone else's message's
	 * @throws org.veille.web.NotFoundException when the message replied to does not exist
	 * @throws org.veille.web.ForbiddenException when its thread's author blocks the person
	 */
	@Transactional
	public Written post(long authorId, String text, @Nullable Long inReplyTo, @Nullable UUID uuid) {
		boolean existed = uuid != null && messageIdOf(uuid).isPresent();
		UUID chosen = (uuid != null) ? uuid : UUID.randomUUID();
		Posted posted = (inReplyTo == null) ? this.messageService.startThread(authorId, text, chosen)
				: this.messageService.reply(authorId, inReplyTo, text, chosen);
		return new Written(posted.id(), posted.threadId(), !existed && uuid(posted.id()).equals(chosen));
	}

	/**
	 * Posts a thread made of an entry of the person's blog feed ({@code org.veille.blogfeed}): the limits of a
	 * message apply, the spam limits do not (see {@link MessageService#startImportedThread}).
	 * @return the message's id (the person's message of the same text of the last days, updated, when there is one)
	 * @throws MessageRejectedException over a limit of a message, or when the person may not post
	 */
	@Transactional
	public long postFromFeed(long authorId, String text) {
		return this.messageService.startImportedThread(authorId, text).id();
	}

	/**
	 * Replaces the text of a message posted from a feed entry when the entry changed, only while the message still
	 * reads {@code expected}; false when its author edited or deleted it meanwhile.
	 * @throws MessageRejectedException when the new text is over a limit
	 */
	@Transactional
	public boolean editFromFeed(long authorId, long messageId, String expected, String text) {
		return this.editService.editIfStill(authorId, messageId, expected, text);
	}

	/** Replaces the text of one's own message. */
	@Transactional
	public Written edit(long editorId, long messageId, String text) {
		Posted posted = this.editService.edit(editorId, messageId, text);
		return new Written(posted.id(), posted.threadId(), false);
	}

	/** Deletes a message as the web page does (see {@link MessageEditService#delete}). */
	@Transactional
	public void delete(long actorId, long messageId) {
		this.editService.delete(actorId, messageId);
	}

	/** A bookmark to import: its text, its date, and the key that recognises it when imported again. */
	public record ImportEntry(String text, Instant at, byte[] key) {
	}

	/** What became of a batch of entries: new threads, entries imported before, entries over a limit of a message. */
	public record ImportResult(int created, int duplicates, int overLimit) {
	}

	/**
	 * Imports bookmarks as threads of the importer, each dated by its entry, except those whose key
	 * was imported already (or earlier in the batch) and those over a limit of a post, whose length is
	 * checked before they are parsed (see {@link MessageLimits#parse(String)}). Same derivations
	 * as posting each of them (see {@link MessageDerivations#threadsAdded}), in a few statements per
	 * table for the whole batch; with {@code enrich} false, their links are not queued for fetching.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public ImportResult importThreads(long authorId, List<ImportEntry> entries, boolean enrich) {
		List<ImportEntry> accepted = new ArrayList<>(entries.size());
		List<ParsedMessage> parsed = new ArrayList<>(entries.size());
		for (ImportEntry entry : entries) {
			try {
				parsed.add(MessageLimits.parse(entry.text()));
			}
			catch (MessageRejectedException ex) {
				continue;
			}
			accepted.add(entry);
		}
		// Two imports of one person wait for each other, so that the check below holds until the insert.
		this.jdbc.sql("select pg_advisory_xact_lock(hashtext('veille.import'), hashtext(cast(:author as text)))")
			.param("author", authorId)
			.query((rs) -> {
			});
		Set<String> seen = importedKeys(authorId, accepted);
		List<Integer> fresh = new ArrayList<>();
		for (int i = 0; i < accepted.size(); i++) {
			if (seen.add(HEX.formatHex(accepted.get(i).key()))) {
				fresh.add(i);
			}
		}
		List<MessageDerivations.NewThread> threads = new ArrayList<>(fresh.size());
		if (!fresh.isEmpty()) {
			List<UUID> uuids = fresh.stream().map((i) -> UUID.randomUUID()).toList();
			Map<UUID, Long> ids = new HashMap<>();
			this.jdbc.sql("""
					insert into messages (uuid, author_id, body, title, created_at, updated_at, activity_at)
					select uuid, :author, body, title, at, at, at
					from unnest(cast(:uuids as uuid[]), cast(:bodies as text[]), cast(:titles as text[]),
					            cast(:ats as timestamptz[])) as m(uuid, body, title, at)
					returning id, uuid
					""")
				.param("author", authorId)
				.param("uuids", uuids.stream().map(UUID::toString).toArray(String[]::new))
				.param("bodies", fresh.stream().map((i) -> parsed.get(i).text()).toArray(String[]::new))
				.param("titles", fresh.stream().map((i) -> parsed.get(i).title()).toArray(String[]::new))
				.param("ats", Timestamps.array(fresh.stream().map((i) -> accepted.get(i).at()).toList()))
				.query((rs) -> {
					ids.put(rs.getObject("uuid", UUID.class), rs.getLong("id"));
				});
			for (int n = 0; n < fresh.size(); n++) {
				int i = fresh.get(n);
				threads.add(new MessageDerivations.NewThread(ids.get(uuids.get(n)), authorId, parsed.get(i),
						accepted.get(i).at()));
			}
			this.jdbc.sql("""
					insert into imported_entries (account_id, entry_key, message_id)
					select :account, decode(k, 'hex'), m from unnest(cast(:keys as text[]), cast(:messages as bigint[])) as e(k, m)
					""")
				.param("account", authorId)
				.param("keys", fresh.stream().map((i) -> HEX.formatHex(accepted.get(i).key())).toArray(String[]::new))
				.param("messages", threads.stream().map(MessageDerivations.NewThread::id).toArray(Long[]::new))
				.update();
			this.derivations.threadsAdded(threads, enrich);
		}
		return new ImportResult(threads.size(), accepted.size() - threads.size(), entries.size() - accepted.size());
	}

	/** The keys, in hexadecimal, of these entries that this person imported already. */
	private Set<String> importedKeys(long authorId, List<ImportEntry> entries) {
		if (entries.isEmpty()) {
			return new HashSet<>();
		}
		return new HashSet<>(this.jdbc.sql("""
				select encode(entry_key, 'hex') from imported_entries
				where account_id = :account
				  and entry_key in (select decode(k, 'hex') from unnest(cast(:keys as text[])) k)
				""")
			.param("account", authorId)
			.param("keys", entries.stream().map((entry) -> HEX.formatHex(entry.key())).toArray(String[]::new))
			.query(String.class)
			.list());
	}

	/**
	 * Refreshes the planner's statistics of the tables an import fills that its statements join (the
	 * others are only reached through their keys), between its first batches. On a
	 * young instance they still describe nearly empty tables, and the subqueries that build search
	 * documents then read whole tables for each thread: an import of 100,000 bookmarks into an empty
	 * instance slowed down with its own size before this (see docs/BENCHMARKS.md). Where the tables
	 * belong to another role, PostgreSQL skips them with a warning.
	 */
	public void refreshStatistics() {
		this.jdbc.sql("""
				analyze messages, tags, thread_tags, links, message_links, site_paths
				""").update();
	}

	/** Marks the person's feeds as changed once an import is stored. */
	@Transactional
	public void importDone(long authorId, Instant now) {
		this.personFeeds.changed(authorId, now);
	}

	/** The id of the message stored under this UUID, deleted or not. */
	@Transactional(readOnly = true)
	public Optional<Long> messageIdOf(UUID uuid) {
		return this.jdbc.sql("select id from messages where uuid = :uuid").param("uuid", uuid).query(Long.class).optional();
	}

	private UUID uuid(long messageId) {
		return this.jdbc.sql("select uuid from messages where id = :id").param("id", messageId).query(UUID.class).single();
	}

}
