package org.veille.federation;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import org.veille.database.Timestamps;
import org.veille.markup.Hashtag;
import org.veille.tag.MessageTags;
import org.veille.tag.ThreadTags;

/**
 * The hashtags of replies from other servers, which join their thread's tags only when the site allows it (off
 * until an administrator turns it on). A name is read as a tag typed here is ({@link Hashtag#fromWords}), at most
 * {@value #MAX_TAG_CHARACTERS} characters, {@value #MAX_TAGS} tags a reply: any other name is left out without a
 * word, as a sender cannot be told.
 */
@Component
class RemoteHashtags {

	/** As for a message here (message.MessageLimits). */
	static final int MAX_TAGS = 50;

	static final int MAX_TAG_CHARACTERS = 100;

	private final JdbcClient jdbc;

	private final MessageTags messageTags;

	private final ThreadTags threadTags;

	private final Clock clock;

	RemoteHashtags(JdbcClient jdbc, MessageTags messageTags, ThreadTags threadTags, Clock clock) {
		this.jdbc = jdbc;
		this.messageTags = messageTags;
		this.threadTags = threadTags;
		this.clock = clock;
	}

	boolean allowed() {
		return this.jdbc.sql("select remote_hashtags from federation_settings").query(Boolean.class).single();
	}

	@Transactional
	void allow(boolean allowed) {
		this.jdbc.sql("update federation_settings set remote_hashtags = :allowed").param("allowed", allowed).update();
	}

	/** The hashtags of a note's {@code tag} entries that read as tags here, each key once, in order. */
	static List<Hashtag> of(JsonNode note) {
		JsonNode entries = note.get("tag");
		if (entries == null || !entries.isArray()) {
			return List.of();
		}
		Map<String, Hashtag> byKey = new LinkedHashMap<>();
		for (JsonNode entry : entries) {
			String name = entry.isObject() && "Hashtag".equals(Inbox.text(entry, "type")) ? Inbox.text(entry, "name") : null;
			Hashtag hashtag = (name == null || name.length() > 4 * MAX_TAG_CHARACTERS) ? null
					: Hashtag.fromWords(name, MAX_TAG_CHARACTERS);
			if (hashtag != null && !hashtag.key().isBlank() && byKey.size() < MAX_TAGS) {
				byKey.putIfAbsent(hashtag.key(), hashtag);
			}
		}
		return List.copyOf(byKey.values());
	}

	/** In the reply's transaction: its hashtags join the thread's tags, when the site allows it. */
	void join(long replyId, long threadId, JsonNode note) {
		if (!allowed()) {
			return;
		}
		List<Hashtag> hashtags = of(note);
		if (hashtags.isEmpty()) {
			return;
		}
		Instant now = this.clock.instant();
		this.threadTags.add(threadId, bring(replyId, hashtags, now), now);
	}

	/** The reply brings these tags (created on first use); @return their ids. */
	private List<Long> bring(long replyId, List<Hashtag> hashtags, Instant now) {
		List<Long> tagIds = new ArrayList<>(this.messageTags.ensure(hashtags, now).values());
		this.jdbc.sql("""
				insert into remote_reply_tags (remote_reply_id, tag_id, joined_at)
				select :reply, tag_id, :now from unnest(cast(:tags as bigint[])) as t(tag_id) on conflict do nothing
				""")
			.param("reply", replyId)
			.param("now", Timestamps.of(now))
			.param("tags", tagIds.toArray(Long[]::new))
			.update();
		return tagIds;
	}

	/**
	 * In the transaction of the reply's {@code Update}: the tags it brought are those it still carries (and, when
	 * the site allows it, the ones it now carries too); a tag it no longer carries leaves the thread unless something
	 * else brings it, and the thread's tags are derived again.
	 */
	void rejoin(long replyId, long threadId, JsonNode note) {
		List<Hashtag> hashtags = of(note);
		List<String> keys = hashtags.stream().map(Hashtag::key).toList();
		this.jdbc.sql("""
				delete from remote_reply_tags rt using tags t
				where rt.remote_reply_id = :reply and t.id = rt.tag_id and t.key <> all(cast(:keys as text[]))
				""").param("reply", replyId).param("keys", keys.toArray(String[]::new)).update();
		if (!hashtags.isEmpty() && allowed()) {
			bring(replyId, hashtags, this.clock.instant());
		}
		this.threadTags.recompute(threadId, this.clock.instant());
	}

	/**
	 * A suspension lifted: the account's replies bring their tags back (ThreadTags leaves out those of a suspended
	 * account), unless the site no longer allows it, and then they are let go for good.
	 */
	void afterLifting(String condition, Object value) {
		List<Long> tagged = threadsTaggedBy(condition, value);
		if (!allowed()) {
			this.jdbc.sql("""
					delete from remote_reply_tags rt using remote_replies r, remote_actors a
					where r.id = rt.remote_reply_id and a.id = r.remote_actor_id and %s
					""".formatted(condition)).param("value", value).update();
		}
		retag(tagged);
	}

	/**
	 * The threads whose tags some of these replies brought: {@code condition} on {@code r} (the reply) or {@code a}
	 * (its author) names the replies with {@code :value}.
	 */
	List<Long> threadsTaggedBy(String condition, Object value) {
		return this.jdbc.sql("""
				select distinct r.thread_id from remote_replies r join remote_actors a on a.id = r.remote_actor_id
				where exists (select from remote_reply_tags rt where rt.remote_reply_id = r.id) and %s
				""".formatted(condition)).param("value", value).query(Long.class).list();
	}

	/** After tagged replies went: their threads' tags derived again. */
	void retag(Collection<Long> threads) {
		Instant now = this.clock.instant();
		for (long thread : threads) {
			this.threadTags.recompute(thread, now);
		}
	}

}
