package org.veille.link;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.veille.web.ForbiddenException;
import org.veille.web.NotFoundException;

/**
 * What people ask of links: a refetch of their own message's links, and the threads that already cite a URL.
 */
@Service
public class LinkService {

	/** "Already posted" lists at most this many threads. */
	public static final int CITING_LIMIT = 10;

	private final JdbcClient jdbc;

	private final FetchQueue queue;

	private final ApplicationEventPublisher events;

	LinkService(JdbcClient jdbc, FetchQueue queue, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.queue = queue;
		this.events = events;
	}

	/**
	 * Queues the links of a message for a fetch now. Only its author may ask.
	 * @throws NotFoundException when there is no such message
	 * @throws ForbiddenException when someone else asks
	 */
	@Transactional
	public void requestRefetch(long messageId, long accountId) {
		long authorId = this.jdbc.sql("select author_id from messages where id = :id and deleted_at is null")
			.param("id", messageId)
			.query(Long.class)
			.optional()
			.orElseThrow(() -> NotFoundException.message(messageId));
		if (authorId != accountId) {
			throw new ForbiddenException("link.refetch.forbidden");
		}
		if (this.queue.enqueueMessage(messageId) > 0) {
			this.events.publishEvent(new FetchesQueued());
		}
	}

	/**
	 * The topics the pages at these URLs declare (however each is spelled), as tag display forms, for the URLs
	 * whose page was fetched and declared some; in the order of the URLs.
	 */
	@Transactional(readOnly = true)
	public Map<String, List<String>> topicsOf(List<String> urls) {
		Map<String, String> keys = new LinkedHashMap<>();
		for (String url : urls) {
			UrlNormalizer.normalize(url).ifPresent((normalized) -> keys.put(url, normalized.key()));
		}
		Map<String, List<String>> byKey = new LinkedHashMap<>();
		if (!keys.isEmpty()) {
			this.jdbc.sql("""
					select normalized, topics from links
					where normalized_hash = any(array(select sha256(convert_to(k, 'UTF8')) from unnest(cast(:keys as text[])) k))
					  and topics is not null
					""").param("keys", keys.values().toArray(String[]::new)).query((rs) -> {
				byKey.put(rs.getString(1), List.of((String[]) rs.getArray(2).getArray()));
			});
		}
		Map<String, List<String>> topics = new LinkedHashMap<>();
		keys.forEach((url, key) -> {
			if (byKey.containsKey(key)) {
				topics.put(url, byKey.get(key));
			}
		});
		return topics;
	}

	/** The threads citing this URL however it is spelled, newest first; none when it is not a valid URL. */
	@Transactional(readOnly = true)
	public List<CitingThread> threadsCiting(String url) {
		Optional<NormalizedUrl> normalized = UrlNormalizer.normalize(url);
		if (normalized.isEmpty()) {
			return List.of();
		}
		Map<Long, CitingThread> threads = new LinkedHashMap<>();
		this.jdbc.sql("""
				select t.id, t.title from links l
				join message_links ml on ml.link_id = l.id
				join messages m on m.id = ml.message_id
				join messages t on t.id = coalesce(m.thread_id, m.id)
				where l.normalized_hash = sha256(convert_to(:key, 'UTF8')) and m.deleted_at is null
				  and t.deleted_at is null
				order by m.created_at desc, m.id desc
				limit :limit
				""")
			.param("key", normalized.get().key())
			.param("limit", CITING_LIMIT)
			.query((rs) -> {
				threads.putIfAbsent(rs.getLong("id"), new CitingThread(rs.getLong("id"), rs.getString("title")));
			});
		return new ArrayList<>(threads.values());
	}

	/**
	 * The title a person's browser showed for the page at {@code url}, which this message cites (sent
	 * by the bookmarklet): on this message's card and feed entry, it wins over the fetched title of
	 * that link. Other messages citing the link keep their own. A URL the message does not cite changes
	 * nothing.
	 */
	@Transactional
	public void giveTitle(long messageId, String url, String title) {
		Optional<String> key = UrlNormalizer.normalize(url).map(NormalizedUrl::key);
		if (key.isEmpty()) {
			return;
		}
		List<Map.Entry<Long, String>> cited = this.jdbc.sql("""
				select l.id, l.url from message_links ml join links l on l.id = ml.link_id where ml.message_id = :message
				""").param("message", messageId).query((rs, row) -> Map.entry(rs.getLong(1), rs.getString(2))).list();
		for (Map.Entry<Long, String> link : cited) {
			if (UrlNormalizer.normalize(link.getValue()).map(NormalizedUrl::key).equals(key)) {
				this.jdbc.sql("""
						insert into message_link_titles (message_id, link_id, given_title)
						values (:message, :link, :title)
						on conflict (message_id, link_id) do update set given_title = excluded.given_title
						""").param("message", messageId).param("link", link.getKey()).param("title", title).update();
			}
		}
	}

	/** A thread citing a URL. */
	public record CitingThread(long id, String title) {

		public String path() {
			return "/messages/" + this.id;
		}

	}

}
