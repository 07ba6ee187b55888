package org.veille.tag;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

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

	MessageTags(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Tags the message; returns the ids of its tags in the order typed. */
	@Transactional(propagation = Propagation.MANDATORY)
	public List<Long> tag(long messageId, List<Hashtag> tags, Instant now) {
		List<Long> tagIds = new ArrayList<>(tags.size());
		int position = 0;
		for (Hashtag hashtag : tags) {
			long tagId = upsertTag(hashtag, now);
			countSpelling(tagId, hashtag.display(), 1);
			this.jdbc.sql("insert into message_tags (message_id, tag_id, position) values (:message, :tag, :position)")
				.param("message", messageId)
				.param("tag", tagId)
				.param("position", position++)
				.update();
			tagIds.add(tagId);
		}
		return tagIds;
	}

	/**
	 * Forgets the tags of a message whose text changed or went away; {@code previous} are the tags of
	 * its previous text, whose spellings are counted once less.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void untag(long messageId, List<Hashtag> previous) {
		this.jdbc.sql("delete from message_tags where message_id = :message").param("message", messageId).update();
		for (Hashtag hashtag : previous) {
			this.jdbc.sql("select id from tags where key = :key")
				.param("key", hashtag.key())
				.query(Long.class)
				.optional()
				.ifPresent((tagId) -> countSpelling(tagId, hashtag.display(), -1));
		}
	}

	private long upsertTag(Hashtag hashtag, Instant now) {
		return this.jdbc.sql("""
				insert into tags (key, display, changed_at) values (:key, :display, :now)
				on conflict (key) do update set changed_at = greatest(tags.changed_at, excluded.changed_at)
				returning id
				""")
			.param("key", hashtag.key())
			.param("display", hashtag.display())
			.param("now", Timestamps.of(now))
			.query(Long.class)
			.single();
	}

	/** The display form of a tag is its most used spelling (DESIGN §4). */
	private void countSpelling(long tagId, String display, int change) {
		this.jdbc.sql("""
				insert into tag_spellings (tag_id, display, uses) values (:tag, :display, greatest(:change, 0))
				on conflict (tag_id, display) do update set uses = greatest(tag_spellings.uses + :change, 0)
				""").param("tag", tagId).param("display", display).param("change", change).update();
		this.jdbc.sql("delete from tag_spellings where tag_id = :tag and uses = 0").param("tag", tagId).update();
		this.jdbc.sql("""
				update tags set display = coalesce((select display from tag_spellings where tag_id = :tag
				                                    order by uses desc, display limit 1), display)
				where id = :tag
				""").param("tag", tagId).update();
	}

}
