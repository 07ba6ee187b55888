package org.veille.federation;

import java.io.IOException;
import java.net.URI;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import org.veille.database.Timestamps;
import org.veille.outbound.BoundedBody;
import org.veille.outbound.Deadline;
import org.veille.outbound.OutboundClient;
import org.veille.outbound.OutboundResponse;

/**
 * Remote actors and their keys, fetched through the guarded {@link OutboundClient} (no private address unless the
 * site allows them, a size and a time limit) and kept in PostgreSQL for a day: a busy sender costs one fetch a day.
 * Each fetch is signed by the {@link SiteActor}, for servers that require authorized fetch.
 */
@Component
class RemoteActors {

	static final long MAX_DOCUMENT_BYTES = 1024 * 1024;

	static final Duration KEPT = Duration.ofDays(1);

	static final Duration FETCH_TIMEOUT = Duration.ofSeconds(10);

	private static final Map<String, String> ACCEPT = Map.of("Accept",
			"application/activity+json, application/ld+json; profile=\"https://www.w3.org/ns/activitystreams\"");

	private final JdbcClient jdbc;

	private final OutboundClient client;

	private final SignedGets signatures;

	private final Clock clock;

	RemoteActors(JdbcClient jdbc, OutboundClient client, SignedGets signatures, Clock clock) {
		this.jdbc = jdbc;
		this.client = client;
		this.signatures = signatures;
		this.clock = clock;
	}

	/** The actor owning a key, as kept when fresh enough (and {@code fresh} is not asked), else fetched. */
	RemoteActor byKeyId(String keyId, boolean fresh) throws RemoteActorException {
		if (!fresh) {
			Optional<RemoteActor> kept = kept("key_id", keyId);
			if (kept.isPresent()) {
				return kept.get();
			}
		}
		JsonNode document = fetch(withoutFragment(keyId));
		if (!document.has("publicKey") && document.has("owner")) {
			document = fetch(document.get("owner").asString());
		}
		RemoteActor actor = store(document);
		if (!actor.keyId().equals(keyId)) {
			throw new RemoteActorException("the actor's key is " + actor.keyId() + ", not " + keyId);
		}
		return actor;
	}

	/** An actor by its id, as kept when fresh enough, else fetched. */
	RemoteActor byUri(String uri) throws RemoteActorException {
		Optional<RemoteActor> kept = kept("uri", uri);
		return kept.isPresent() ? kept.get() : store(fetch(uri));
	}

	/** An actor as its server shows it now, with the whole document (a Move's target names its former accounts). */
	record Fetched(RemoteActor actor, JsonNode document) {
	}

	/** An actor fetched afresh, whatever is kept, and kept again. */
	Fetched fetchAfresh(String uri) throws RemoteActorException {
		JsonNode document = fetch(uri);
		return new Fetched(store(document), document);
	}

	Optional<RemoteActor> stored(String uri) {
		return this.jdbc.sql("select * from remote_actors where uri = :value").param("value", uri)
			.query(RemoteActors::row).optional();
	}

	private Optional<RemoteActor> kept(String column, String value) {
		return this.jdbc.sql("select * from remote_actors where %s = :value and fetched_at > :since".formatted(column))
			.param("value", value)
			.param("since", Timestamps.of(this.clock.instant().minus(KEPT)))
			.query(RemoteActors::row)
			.optional();
	}

	private JsonNode fetch(String url) throws RemoteActorException {
		URI uri;
		try {
			uri = URI.create(url);
		}
		catch (IllegalArgumentException ex) {
			throw new RemoteActorException("not a URL: " + url);
		}
		Map<String, String> headers = new HashMap<>(ACCEPT);
		headers.putAll(this.signatures.headersFor(uri));
		try (OutboundResponse response = this.client.get(uri, headers, 3, Deadline.after(FETCH_TIMEOUT))) {
			if (!response.isSuccess()) {
				throw new RemoteActorException(url + " answered " + response.status());
			}
			BoundedBody body = response.read(MAX_DOCUMENT_BYTES);
			if (!body.complete()) {
				throw new RemoteActorException(url + " is over " + MAX_DOCUMENT_BYTES + " bytes");
			}
			return ActivityStreams.JSON.readTree(body.bytes());
		}
		catch (IOException ex) {
			throw new RemoteActorException("could not fetch " + url + ": " + ex.getMessage(), ex);
		}
		catch (JacksonException ex) {
			throw new RemoteActorException(url + " is not JSON");
		}
	}

	/** Keeps an actor document; its key must be its own (same id as owner) and on its own host. */
	private RemoteActor store(JsonNode actor) throws RemoteActorException {
		String id = text(actor, "id");
		String inbox = text(actor, "inbox");
		JsonNode key = actor.get("publicKey");
		if (key != null && key.isArray() && !key.isEmpty()) {
			key = key.get(0);
		}
		if (id == null || inbox == null || key == null || text(key, "id") == null || text(key, "publicKeyPem") == null) {
			throw new RemoteActorException("not an actor with a key: " + id);
		}
		String host = hostOf(id);
		String keyId = text(key, "id");
		String owner = text(key, "owner");
		if (!host.equals(hostOf(keyId)) || !host.equals(hostOf(inbox)) || (owner != null && !owner.equals(id))) {
			throw new RemoteActorException("the key or inbox of " + id + " is not on its host");
		}
		String username = text(actor, "preferredUsername");
		JsonNode endpoints = actor.get("endpoints");
		String shared = (endpoints != null) ? text(endpoints, "sharedInbox") : null;
		String url = actor.get("url") != null && actor.get("url").isString() ? actor.get("url").asString() : null;
		return this.jdbc.sql("""
				insert into remote_actors (uri, key_id, handle, host, inbox, shared_inbox, profile_url, public_key_pem,
				                           fetched_at)
				values (:uri, :key, :handle, :host, :inbox, :shared, :url, :pem, :now)
				on conflict (uri) do update set key_id = excluded.key_id, handle = excluded.handle, inbox = excluded.inbox,
				    shared_inbox = excluded.shared_inbox, profile_url = excluded.profile_url,
				    public_key_pem = excluded.public_key_pem, fetched_at = excluded.fetched_at
				returning *
				""")
			.param("uri", id)
			.param("key", keyId)
			.param("handle", ((username != null) ? username : "?") + "@" + host)
			.param("host", host)
			.param("inbox", inbox)
			.param("shared", (shared != null && host.equals(hostOf(shared))) ? shared : null)
			.param("url", url)
			.param("pem", text(key, "publicKeyPem"))
			.param("now", Timestamps.of(this.clock.instant()))
			.query(RemoteActors::row)
			.single();
	}

	private static RemoteActor row(ResultSet rs, int row) throws SQLException {
		return new RemoteActor(rs.getLong("id"), rs.getString("uri"), rs.getString("key_id"), rs.getString("handle"),
				rs.getString("host"), rs.getString("inbox"), rs.getString("shared_inbox"), rs.getString("profile_url"),
				rs.getString("public_key_pem"));
	}

	private static @Nullable String text(JsonNode node, String field) {
		JsonNode value = node.get(field);
		return (value != null && value.isString() && !value.asString().isBlank()) ? value.asString() : null;
	}

	/** host[:port] of a URL, lower-cased; a URL without a host has none. */
	static String hostOf(String url) throws RemoteActorException {
		try {
			URI uri = URI.create(url);
			if (uri.getHost() == null) {
				throw new RemoteActorException("no host in " + url);
			}
			String host = uri.getHost().toLowerCase(Locale.ROOT);
			return (uri.getPort() < 0) ? host : host + ":" + uri.getPort();
		}
		catch (IllegalArgumentException ex) {
			throw new RemoteActorException("not a URL: " + url);
		}
	}

	private static String withoutFragment(String url) {
		int hash = url.indexOf('#');
		return (hash < 0) ? url : url.substring(0, hash);
	}

}
