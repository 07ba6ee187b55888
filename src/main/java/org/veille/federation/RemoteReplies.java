package org.veille.federation;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.jsoup.safety.Safelist;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import org.veille.database.Timestamps;

/**
 * What other servers' people do to Veille's messages: a {@code Create} of a note in reply to one becomes a remote
 * reply in its thread (HTML cleaned with jsoup's {@link Safelist#basic()}, links marked {@code nofollow ugc});
 * {@code Update} and {@code Delete} by its author change or remove it; {@code Like} and {@code Announce} are
 * counted, {@code Undo} takes them back. Anything else is taken and ignored.
 */
@Component
class RemoteReplies {

	/** Longer replies are cut: a page must stay a page. */
	static final int MAX_HTML = 20_000;

	private static final Safelist REPLY_HTML = Safelist.basic().addEnforcedAttribute("a", "rel", "nofollow ugc");

	private static final Pattern MESSAGE = Pattern.compile("/messages/(\\d{1,18})");

	private final JdbcClient jdbc;

	private final Sites sites;

	private final StoredNotes notes;

	private final RemoteHashtags hashtags;

	private final Clock clock;

	RemoteReplies(JdbcClient jdbc, Sites sites, StoredNotes notes, RemoteHashtags hashtags, Clock clock) {
		this.jdbc = jdbc;
		this.sites = sites;
		this.notes = notes;
		this.hashtags = hashtags;
		this.clock = clock;
	}

	Inbox.Outcome receive(RemoteActor sender, @Nullable String type, JsonNode activity) {
		return switch ((type == null) ? "" : type) {
			case "Create" -> create(sender, activity.get("object"));
			case "Update" -> update(sender, activity.get("object"));
			case "Delete" -> delete(sender, Inbox.idOf(activity.get("object")));
			case "Like" -> react(sender, "like", activity);
			case "Announce" -> react(sender, "announce", activity);
			default -> Inbox.Outcome.ACCEPTED;
		};
	}

	Inbox.Outcome undo(RemoteActor sender, @Nullable String undoneId) {
		if (undoneId != null) {
			this.jdbc.sql("delete from remote_reactions where activity_uri = :uri and remote_actor_id = :actor")
				.param("uri", undoneId)
				.param("actor", sender.id())
				.update();
		}
		return Inbox.Outcome.ACCEPTED;
	}

	private Inbox.Outcome create(RemoteActor sender, @Nullable JsonNode note) {
		if (note == null || !note.isObject() || !"Note".equals(Inbox.text(note, "type"))) {
			return Inbox.Outcome.ACCEPTED;
		}
		String inReplyTo = Inbox.idOf(note.get("inReplyTo"));
		Long local = (inReplyTo == null) ? null : localMessage(inReplyTo);
		if (local == null) {
			return Inbox.Outcome.ACCEPTED;
		}
		String id = Inbox.text(note, "id");
		if (id == null || !sender.uri().equals(Inbox.idOf(note.get("attributedTo")))) {
			return new Inbox.Outcome(HttpStatus.BAD_REQUEST, "A reply needs an id and must be attributed to its sender.");
		}
		Optional<StoredNote> repliedTo = this.notes.find(local);
		if (repliedTo.isEmpty()) {
			return new Inbox.Outcome(HttpStatus.NOT_FOUND, "The message replied to is gone: " + inReplyTo);
		}
		long threadId = repliedTo.get().threadId();
		this.jdbc.sql("""
				insert into remote_replies (uri, thread_id, in_reply_to_id, remote_actor_id, content_html, url, published_at)
				values (:uri, :thread, :message, :actor, :html, :url, :published)
				on conflict (uri) do nothing
				returning id
				""")
			.param("uri", id)
			.param("thread", threadId)
			.param("message", local)
			.param("actor", sender.id())
			.param("html", clean(Inbox.text(note, "content")))
			.param("url", httpUrl(note.get("url")))
			.param("published", Timestamps.of(published(note)))
			.query(Long.class)
			.optional()
			.ifPresent((reply) -> this.hashtags.join(reply, threadId, note));
		return Inbox.Outcome.ACCEPTED;
	}

	private Inbox.Outcome update(RemoteActor sender, @Nullable JsonNode note) {
		String id = Inbox.idOf(note);
		if (note != null && note.isObject() && id != null) {
			this.jdbc.sql("""
					update remote_replies set content_html = :html, updated_at = :now
					where uri = :uri and remote_actor_id = :actor
					returning id, thread_id
					""")
				.param("html", clean(Inbox.text(note, "content")))
				.param("now", Timestamps.of(this.clock.instant()))
				.param("uri", id)
				.param("actor", sender.id())
				.query((rs, row) -> new long[] { rs.getLong("id"), rs.getLong("thread_id") })
				.optional()
				.ifPresent((reply) -> this.hashtags.rejoin(reply[0], reply[1], note));
		}
		return Inbox.Outcome.ACCEPTED;
	}

	/** A reply deleted by its author, or the author's whole account (then everything they left here goes). */
	private Inbox.Outcome delete(RemoteActor sender, @Nullable String id) {
		if (sender.uri().equals(id)) {
			List<Long> tagged = this.hashtags.threadsTaggedBy("r.remote_actor_id = :value", sender.id());
			this.jdbc.sql("delete from remote_actors where id = :actor").param("actor", sender.id()).update();
			this.hashtags.retag(tagged);
		}
		else if (id != null) {
			List<Long> tagged = this.hashtags.threadsTaggedBy("r.uri = :value", id);
			this.jdbc.sql("delete from remote_replies where uri = :uri and remote_actor_id = :actor")
				.param("uri", id)
				.param("actor", sender.id())
				.update();
			this.hashtags.retag(tagged);
		}
		return Inbox.Outcome.ACCEPTED;
	}

	private Inbox.Outcome react(RemoteActor sender, String kind, JsonNode activity) {
		String object = Inbox.idOf(activity.get("object"));
		String id = Inbox.text(activity, "id");
		Long local = (object == null) ? null : localMessage(object);
		if (local == null || id == null || this.notes.find(local).isEmpty()) {
			return Inbox.Outcome.ACCEPTED;
		}
		this.jdbc.sql("""
				insert into remote_reactions (message_id, remote_actor_id, kind, activity_uri, created_at)
				values (:message, :actor, :kind, :uri, :now)
				on conflict (message_id, remote_actor_id, kind) do update set activity_uri = excluded.activity_uri
				""")
			.param("message", local)
			.param("actor", sender.id())
			.param("kind", kind)
			.param("uri", id)
			.param("now", Timestamps.of(this.clock.instant()))
			.update();
		return Inbox.Outcome.ACCEPTED;
	}

	/** The id of the message a URL of this site names ({@code <base>/messages/<id>}, an anchor allowed), if any. */
	private @Nullable Long localMessage(String url) {
		String base = this.sites.current().base();
		if (!url.startsWith(base + "/")) {
			return null;
		}
		String path = url.substring(base.length());
		int hash = path.indexOf('#');
		Matcher matcher = MESSAGE.matcher((hash < 0) ? path : path.substring(0, hash));
		return matcher.matches() ? Long.valueOf(matcher.group(1)) : null;
	}

	static String clean(@Nullable String html) {
		if (html == null) {
			return "";
		}
		String cut = (html.length() > MAX_HTML) ? html.substring(0, MAX_HTML) : html;
		return Jsoup.clean(cut, REPLY_HTML);
	}

	private static @Nullable String httpUrl(@Nullable JsonNode url) {
		String value = (url == null) ? null : url.isString() ? url.asString()
				: url.isObject() ? Inbox.text(url, "href") : null;
		return (value != null && (value.startsWith("https://") || value.startsWith("http://"))) ? value : null;
	}

	private Instant published(JsonNode note) {
		String published = Inbox.text(note, "published");
		if (published != null) {
			try {
				Instant at = Instant.parse(published);
				return at.isAfter(this.clock.instant()) ? this.clock.instant() : at;
			}
			catch (DateTimeParseException ex) {
				// A date we cannot read: the reply is dated when it came.
			}
		}
		return this.clock.instant();
	}

	RemoteThread forThread(long threadId) {
		List<RemoteThread.Reply> replies = this.jdbc.sql("""
				select a.handle, a.profile_url, r.uri, r.url, r.content_html, r.published_at
				from remote_replies r join remote_actors a on a.id = r.remote_actor_id
				where r.thread_id = :thread and not %s
				order by r.published_at, r.id limit 500
				""".formatted(RemoteSuspensions.SUSPENDED_ACTOR))
			.param("thread", threadId)
			.query((rs, row) -> new RemoteThread.Reply(rs.getString("handle"), rs.getString("profile_url"),
					rs.getString("uri"), rs.getString("url"), rs.getString("content_html"),
					rs.getTimestamp("published_at").toInstant()))
			.list();
		return this.jdbc.sql("""
				select count(*) filter (where kind = 'like') as likes, count(*) filter (where kind = 'announce') as boosts
				from remote_reactions r join remote_actors a on a.id = r.remote_actor_id
				where r.message_id = :thread and not %s
				""".formatted(RemoteSuspensions.SUSPENDED_ACTOR))
			.param("thread", threadId)
			.query((rs, row) -> new RemoteThread(replies, rs.getInt("likes"), rs.getInt("boosts")))
			.single();
	}

}
