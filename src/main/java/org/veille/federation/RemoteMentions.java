package org.veille.federation;

import java.io.IOException;
import java.net.IDN;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import org.veille.database.Timestamps;
import org.veille.markup.MarkupParser;
import org.veille.outbound.BoundedBody;
import org.veille.outbound.Deadline;
import org.veille.outbound.OutboundClient;
import org.veille.outbound.OutboundResponse;

/**
 * People of other servers mentioned in Veille messages ({@code @user@host}): found by WebFinger (RFC 7033), then
 * their actor document, both through the guarded {@link OutboundClient}, by the federation workers before they plan
 * the message's delivery, never in the posting request. What was found is kept a day, what was not an hour. A handle
 * not found (unknown, unreachable, refused by the client, over the lengths below) stays plain text and is sent
 * nothing; so is an account suspended here or of a blocked server.
 */
@Component
class RemoteMentions {

	/** Mentions of people elsewhere federated per message, in order: the rest stay plain text. */
	static final int MAX_PER_MESSAGE = 20;

	static final int MAX_USER = 64;

	/** A DNS name's limit, a port added. */
	static final int MAX_HOST = 253 + 6;

	static final Duration FOUND_KEPT = Duration.ofDays(1);

	static final Duration NOT_FOUND_KEPT = Duration.ofHours(1);

	static final long MAX_WEBFINGER_BYTES = 64 * 1024;

	static final Duration WEBFINGER_TIMEOUT = Duration.ofSeconds(10);

	private static final Map<String, String> ACCEPT = Map.of("Accept", "application/jrd+json, application/json");

	private static final Set<String> ACTIVITY_TYPES = Set.of("application/activity+json",
			"application/ld+json; profile=\"https://www.w3.org/ns/activitystreams\"");

	/** Someone elsewhere found: {@code handle} as typed in the message. */
	record Mentioned(String handle, String actorUri, @Nullable String profileUrl, String inbox) {

		/** Where a reader goes: the profile page, else the actor's id. */
		String page() {
			return (this.profileUrl != null) ? this.profileUrl : this.actorUri;
		}

	}

	private final JdbcClient jdbc;

	private final OutboundClient client;

	private final RemoteActors actors;

	private final Clock clock;

	private final String scheme;

	/** Handles a planned event needed before they were asked about (see {@link #allAsked}). */
	private final Queue<Waiting> waiting = new ConcurrentLinkedQueue<>();

	/** A handle and the site's address its event keeps. */
	private record Waiting(String handle, String base) {
	}

	/** A queued event's text and the site's address it keeps. */
	private record Upcoming(String body, String base) {
	}

	RemoteMentions(JdbcClient jdbc, OutboundClient client, RemoteActors actors, Clock clock,
			FederationProperties properties) {
		this.jdbc = jdbc;
		this.client = client;
		this.actors = actors;
		this.clock = clock;
		this.scheme = properties.webfingerScheme();
	}

	/** The handles a text mentions, as typed, at most {@value #MAX_PER_MESSAGE}. */
	static List<String> in(String text) {
		List<String> handles = MarkupParser.parse(text).remoteMentions();
		return (handles.size() > MAX_PER_MESSAGE) ? handles.subList(0, MAX_PER_MESSAGE) : handles;
	}

	/**
	 * {@code user@host} as kept: the host in lower case and in ASCII; null for a handle never asked about (too long,
	 * a host that is no name).
	 */
	static @Nullable String normalize(String typed) {
		int at = typed.indexOf('@');
		if (at < 1 || at > MAX_USER || typed.length() - at - 1 > MAX_HOST) {
			return null;
		}
		String host = typed.substring(at + 1);
		int colon = host.indexOf(':');
		String name = (colon < 0) ? host : host.substring(0, colon);
		try {
			String ascii = IDN.toASCII(name, IDN.USE_STD3_ASCII_RULES).toLowerCase(Locale.ROOT);
			if (ascii.isEmpty() || ascii.length() > 253) {
				return null;
			}
			return typed.substring(0, at) + "@" + ascii + ((colon < 0) ? "" : host.substring(colon));
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	/**
	 * Outside any transaction (each statement takes a connection and gives it back, none is held while asking
	 * another server): asks about the handles put aside by the planner, then those of the next queued events'
	 * messages not known recently. True when any was asked about.
	 */
	boolean resolveUpcoming() {
		boolean asked = false;
		for (Waiting waiting = this.waiting.poll(); waiting != null; waiting = this.waiting.poll()) {
			asked |= resolveAll(List.of(waiting.handle()), waiting.base());
		}
		List<Upcoming> upcoming = this.jdbc.sql("""
				select m.body, e.base from federation_events e join messages m on m.id = e.message_id
				where e.kind <> 'delete' order by e.id limit 10
				""").query((rs, row) -> new Upcoming(rs.getString("body"), rs.getString("base"))).list();
		for (Upcoming event : upcoming) {
			asked |= resolveAll(in(event.body()), event.base());
		}
		return asked;
	}

	/**
	 * Asks about the handles not known recently; true when any was asked about. A handle on this very site
	 * ({@code base}'s host) is not asked about: it is kept as not found, so nothing is sent to ourselves.
	 */
	boolean resolveAll(Collection<String> typed, String base) {
		String own = URI.create(base).getRawAuthority().toLowerCase(Locale.ROOT);
		boolean asked = false;
		for (String each : typed) {
			String handle = normalize(each);
			if (handle != null && !knownRecently(handle)) {
				remember(handle, handle.endsWith("@" + own) ? null : lookUp(handle));
				asked = true;
			}
		}
		return asked;
	}

	/**
	 * Whether each of these handles was asked about (found or not, however long ago); those never asked are put
	 * aside for the next {@link #resolveUpcoming()} of this instance.
	 */
	boolean allAsked(Collection<String> typed, String base) {
		List<String> handles = typed.stream().map(RemoteMentions::normalize).filter(Objects::nonNull).toList();
		if (handles.isEmpty()) {
			return true;
		}
		List<String> asked = this.jdbc.sql("select handle from remote_mentions where handle in (:handles)")
			.param("handles", handles)
			.query(String.class)
			.list();
		List<String> never = handles.stream().filter((handle) -> !asked.contains(handle)).toList();
		never.forEach((handle) -> this.waiting.add(new Waiting(handle, base)));
		return never.isEmpty();
	}

	/** The people found among these handles (as typed), without asking anyone: those kept from an earlier lookup. */
	Map<String, Mentioned> found(Collection<String> typed) {
		Map<String, String> byHandle = new LinkedHashMap<>();
		for (String each : typed) {
			String handle = normalize(each);
			if (handle != null) {
				byHandle.putIfAbsent(handle, each);
			}
		}
		if (byHandle.isEmpty()) {
			return Map.of();
		}
		Map<String, Mentioned> found = new HashMap<>();
		this.jdbc.sql("""
				select m.handle, a.uri, a.profile_url, coalesce(a.shared_inbox, a.inbox) as inbox
				from remote_mentions m join remote_actors a on a.uri = m.actor_uri
				where m.handle in (:handles)
				  and not exists (select from federation_domain_blocks b where b.host = a.host)
				  and not %s
				""".formatted(RemoteSuspensions.SUSPENDED_ACTOR))
			.param("handles", byHandle.keySet())
			.query((rs) -> {
				String typedHandle = byHandle.get(rs.getString("handle"));
				found.put(typedHandle, new Mentioned(typedHandle, rs.getString("uri"), rs.getString("profile_url"),
						rs.getString("inbox")));
			});
		return found;
	}

	private boolean knownRecently(String handle) {
		return this.jdbc.sql("""
				select exists (select from remote_mentions where handle = :handle
				    and resolved_at > case when actor_uri is null then :notFound else :found end)
				""")
			.param("handle", handle)
			.param("notFound", Timestamps.of(this.clock.instant().minus(NOT_FOUND_KEPT)))
			.param("found", Timestamps.of(this.clock.instant().minus(FOUND_KEPT)))
			.query(Boolean.class)
			.single();
	}

	private void remember(String handle, @Nullable String actorUri) {
		this.jdbc.sql("""
				insert into remote_mentions (handle, actor_uri, resolved_at) values (:handle, :actor, :now)
				on conflict (handle) do update set actor_uri = excluded.actor_uri, resolved_at = excluded.resolved_at
				""")
			.param("handle", handle)
			.param("actor", actorUri)
			.param("now", Timestamps.of(this.clock.instant()))
			.update();
	}

	/** The actor's id, once WebFinger named it and its document was fetched and kept; null when not found. */
	private @Nullable String lookUp(String handle) {
		String host = handle.substring(handle.indexOf('@') + 1);
		String href;
		try {
			URI uri = URI.create(this.scheme + "://" + host + "/.well-known/webfinger?resource="
					+ URLEncoder.encode("acct:" + handle, StandardCharsets.UTF_8));
			try (OutboundResponse response = this.client.get(uri, ACCEPT, 3, Deadline.after(WEBFINGER_TIMEOUT))) {
				if (!response.isSuccess()) {
					return null;
				}
				BoundedBody body = response.read(MAX_WEBFINGER_BYTES);
				href = body.complete() ? self(ActivityStreams.JSON.readTree(body.bytes())) : null;
			}
		}
		catch (IOException | JacksonException | IllegalArgumentException ex) {
			return null;
		}
		if (href == null) {
			return null;
		}
		try {
			return this.actors.byUri(href).uri();
		}
		catch (RemoteActorException ex) {
			return null;
		}
	}

	/** The {@code self} link of a JRD whose type is an ActivityStreams document, as Mastodon gives it. */
	private static @Nullable String self(JsonNode jrd) {
		JsonNode links = jrd.get("links");
		if (links == null || !links.isArray()) {
			return null;
		}
		for (JsonNode link : links) {
			if (link.isObject() && "self".equals(Inbox.text(link, "rel"))
					&& ACTIVITY_TYPES.contains(Inbox.text(link, "type"))) {
				String href = Inbox.text(link, "href");
				if (href != null && (href.startsWith("https://") || href.startsWith("http://"))) {
					return href;
				}
			}
		}
		return null;
	}

}
