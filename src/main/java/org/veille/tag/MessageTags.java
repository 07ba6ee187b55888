package org.veille.tag;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import org.veille.database.Timestamps;
import org.veille.markup.Hashtag;

/**
 * Stores the tags derived from a message, inside the transaction that stores the message: the tag
 * itself (created on first use), the spelling used, and the message's tags. {@link ThreadTags}
 * then carries them to the thread.
 */
@Component
public class MessageTags {

	private final JdbcClient jdbc;

	private final TagRowWrites rowWrites;

	MessageTags(JdbcClient jdbc, TagRowWrites rowWrites) {
		this.jdbc = jdbc;
		this.rowWrites = rowWrites;
	}

	/** Tags the message; returns the ids of its tags in the order typed. */
	@Transactional(propagation = Propagation.MANDATORY)
	public List<Long> tag(long messageId, List<Hashtag> tags, Instant now) {
		return tagAll(List.of(new Tagged(messageId, tags, now))).get(0);
	}

	/** A message to tag: its id, its hashtags in the order typed, and when it was written. */
	public record Tagged(long messageId, List<Hashtag> tags, Instant at) {
	}

	/**
	 * Tags many messages in a few statements whatever their number (an import's batch): each tag is
	 * created on first use, each spelling counted once per message, then each message's tags stored.
	 * @return the ids of each message's tags in the order typed, in the order of {@code messages}
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public List<List<Long>> tagAll(List<Tagged> messages) {
		// One row per key (its first spelling, its latest use), in key order so that two writers lock alike.
		Map<String, Hashtag> firstSpelling = new TreeMap<>();
		Map<String, Instant> latestUse = new HashMap<>();
		for (Tagged message : messages) {
			for (Hashtag hashtag : message.tags()) {
				firstSpelling.putIfAbsent(hashtag.key(), hashtag);
				latestUse.merge(hashtag.key(), message.at(), (a, b) -> a.isAfter(b) ? a : b);
			}
		}
		if (firstSpelling.isEmpty()) {
			return messages.stream().map((message) -> List.<Long>of()).toList();
		}
		Map<String, Long> ids = upsert(firstSpelling, latestUse);
		List<List<Long>> tagIds = new ArrayList<>(messages.size());
		Map<TagSpelling, Integer> spellings = new TreeMap<>();
		List<Long> rowMessages = new ArrayList<>();
		List<Long> rowTags = new ArrayList<>();
		List<Integer> rowPositions = new ArrayList<>();
		for (Tagged message : messages) {
			List<Long> ofMessage = new ArrayList<>(message.tags().size());
			int position = 0;
			for (Hashtag hashtag : message.tags()) {
				long tagId = ids.get(hashtag.key());
				spellings.merge(new TagSpelling(tagId, hashtag.display()), 1, Integer::sum);
				rowMessages.add(message.messageId());
				rowTags.add(tagId);
				rowPositions.add(position++);
				ofMessage.add(tagId);
			}
			tagIds.add(ofMessage);
		}
		spellings.forEach(this.rowWrites::spelled);
		this.jdbc.sql("""
				insert into message_tags (message_id, tag_id, position)
				select * from unnest(cast(:messages as bigint[]), cast(:tags as bigint[]), cast(:positions as int[]))
				""")
			.param("messages", rowMessages.toArray(Long[]::new))
			.param("tags", rowTags.toArray(Long[]::new))
			.param("positions", rowPositions.toArray(Integer[]::new))
			.update();
		return tagIds;
	}

	/**
	 * Tags that no message carries here (the hashtags of a reply from another server, joining its thread's tags):
	 * created on first use like a message's, no spelling counted.
	 * @return the id of each tag by key
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public Map<String, Long> ensure(List<Hashtag> tags, Instant at) {
		Map<String, Hashtag> firstSpelling = new TreeMap<>();
		Map<String, Instant> uses = new HashMap<>();
		for (Hashtag hashtag : tags) {
			firstSpelling.putIfAbsent(hashtag.key(), hashtag);
			uses.put(hashtag.key(), at);
		}
		return firstSpelling.isEmpty() ? Map.of() : upsert(firstSpelling, uses);
	}

	/**
	 * Creates the tags not yet known, without writing the others' rows: their latest use is written at the
	 * commit ({@link TagRowWrites}), so that posts carrying one tag do not wait for each other's transactions.
	 * Known tags are read first: inserting one would wait for any transaction committing a change to its row.
	 */
	private Map<String, Long> upsert(Map<String, Hashtag> firstSpelling, Map<String, Instant> latestUse) {
		Map<String, Long> ids = new HashMap<>();
		this.jdbc.sql("select id, key from tags where key = any(:keys)")
			.param("keys", firstSpelling.keySet().toArray(String[]::new))
			.query((rs) -> {
				ids.put(rs.getString("key"), rs.getLong("id"));
			});
		List<String> missing = firstSpelling.keySet().stream().filter((key) -> !ids.containsKey(key)).toList();
		if (!missing.isEmpty()) {
			this.jdbc.sql("""
					insert into tags (key, display, changed_at)
					select * from unnest(cast(:keys as text[]), cast(:displays as text[]), cast(:ats as timestamptz[]))
					on conflict (key) do nothing
					returning id, key
					""")
				.param("keys", missing.toArray(String[]::new))
				.param("displays", missing.stream().map((key) -> firstSpelling.get(key).display()).toArray(String[]::new))
				.param("ats", Timestamps.array(missing.stream().map(latestUse::get).toList()))
				.query((rs) -> {
					ids.put(rs.getString("key"), rs.getLong("id"));
				});
		}
		if (ids.size() < firstSpelling.size()) {
			// Created meanwhile by another transaction, committed once this one's insert had waited for it.
			this.jdbc.sql("select id, key from tags where key = any(:keys)")
				.param("keys", missing.toArray(String[]::new))
				.query((rs) -> {
					ids.put(rs.getString("key"), rs.getLong("id"));
				});
		}
		ids.forEach((key, id) -> this.rowWrites.used(id, latestUse.get(key)));
		return ids;
	}

	/**
	 * Forgets the tags of a message whose text changed or went away; {@code previous} are the tags of
	 * its previous text, whose spellings are counted once less.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void untag(long messageId, List<Hashtag> previous) {
		this.jdbc.sql("delete from message_tags where message_id = :message").param("message", messageId).update();
		Map<TagSpelling, Integer> spellings = new TreeMap<>();
		for (Hashtag hashtag : previous) {
			this.jdbc.sql("select id from tags where key = :key")
				.param("key", hashtag.key())
				.query(Long.class)
				.optional()
				.ifPresent((tagId) -> spellings.merge(new TagSpelling(tagId, hashtag.display()), -1, Integer::sum));
		}
		spellings.forEach(this.rowWrites::spelled);
	}

}
