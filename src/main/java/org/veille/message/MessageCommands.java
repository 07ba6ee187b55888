package org.veille.message;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import org.veille.account.PersonFeeds;
import org.veille.markup.MarkupParser;
import org.veille.markup.ParsedMessage;

/**
 * The write path of {@link MessageService} and {@link MessageEditService} for callers outside this
 * package (the posting API): same limits, same derivations, same rules of who may do what.
 */
@Service
public class MessageCommands {

	/** A message written: its id, its thread, and whether this call created it. */
	public record Written(long id, long threadId, boolean created) {
	}

	private final MessageService messageService;

	private final MessageEditService editService;

	private final MessageRepository messages;

	private final MessageDerivations derivations;

	private final PersonFeeds personFeeds;

	private final JdbcClient jdbc;

	MessageCommands(MessageService messageService, MessageEditService editService, MessageRepository messages,
			MessageDerivations derivations, PersonFeeds personFeeds, JdbcClient jdbc) {
		this.messageService = messageService;
		this.editService = editService;
		this.messages = messages;
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

	/**
	 * Imports one bookmark as a thread of the importer dated {@code at}, unless an entry of this key
	 * was imported already (then nothing: empty). Same limits and derivations as a post; with
	 * {@code enrich} false its links are not queued for fetching.
	 * @throws MessageRejectedException over a limit
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public Optional<Long> importThread(long authorId, String text, Instant at, byte[] entryKey, boolean enrich) {
		ParsedMessage parsed = MarkupParser.parse(text);
		MessageLimits.check(parsed);
		// Two imports of one person wait for each other, so that the check below holds until the insert.
		this.jdbc.sql("select pg_advisory_xact_lock(hashtext('veille.import'), hashtext(cast(:author as text)))")
			.param("author", authorId)
			.query((rs) -> {
			});
		if (imported(authorId, entryKey)) {
			return Optional.empty();
		}
		Message message = this.messages.save(Message.startThread(UUID.randomUUID(), authorId, parsed, at));
		this.jdbc.sql("insert into imported_entries (account_id, entry_key, message_id) values (:account, :key, :message)")
			.param("account", authorId)
			.param("key", entryKey)
			.param("message", message.id())
			.update();
		this.derivations.added(message, parsed, at, enrich);
		return Optional.of(message.id());
	}

	/** Whether an entry of this key was imported by this person already. */
	private boolean imported(long authorId, byte[] entryKey) {
		return this.jdbc.sql("select count(*) from imported_entries where account_id = :account and entry_key = :key")
			.param("account", authorId)
			.param("key", entryKey)
			.query(Long.class)
			.single() > 0;
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
