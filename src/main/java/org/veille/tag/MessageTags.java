package org.veille.tag;

import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import org.veille.database.Timestamps;
import org.veille.markup.Hashtag;

/**
 * Stores the tags derived from a message, inside the transaction that stores the message: the tag
 * itself (created on first use), the spelling used, the message's tags, and the thread's tags.
 */
@Component
public class MessageTags {

	private final JdbcClient jdbc;

	MessageTags(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Transactional(propagation = Propagation.MANDATORY)
	public void tag(long messageId, long threadId, Instant threadPublishedAt, List<Hashtag> tags) {
		int position = 0;
		for (Hashtag hashtag : tags) {
			long tagId = upsertTag(hashtag, threadPublishedAt);
			countSpelling(tagId, hashtag.display());
			this.jdbc.sql("insert into message_tags (message_id, tag_id, position) values (:message, :tag, :position)")
				.param("message", messageId)
				.param("tag", tagId)
				.param("position", position++)
				.update();
			int added = this.jdbc.sql("""
					insert into thread_tags (tag_id, thread_id, published_at) values (:tag, :thread, :published)
					on conflict do nothing
					""")
				.param("tag", tagId)
				.param("thread", threadId)
				.param("published", Timestamps.of(threadPublishedAt))
				.update();
			if (added > 0) {
				this.jdbc.sql("update tags set thread_count = thread_count + 1 where id = :tag").param("tag", tagId).update();
			}
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
	private void countSpelling(long tagId, String display) {
		this.jdbc.sql("""
				insert into tag_spellings (tag_id, display, uses) values (:tag, :display, 1)
				on conflict (tag_id, display) do update set uses = tag_spellings.uses + 1
				""").param("tag", tagId).param("display", display).update();
		this.jdbc.sql("""
				update tags set display = (select display from tag_spellings where tag_id = :tag
				                           order by uses desc, display limit 1)
				where id = :tag
				""").param("tag", tagId).update();
	}

}
