package org.veille.federation;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * What a verified activity does. An activity whose {@code actor} is not its signer is refused (403); a type
 * Veille does not handle is taken and ignored (202). {@code Follow} of a local person or tag is accepted at once
 * (the {@code Accept} queued for delivery), {@code Undo} of it removes the follower, and so does a {@code Block} of
 * the followed by the follower; a {@code Flag} becomes reports ({@link RemoteFlags}); a {@code Move} of a follower
 * moves its follows to its new account ({@link RemoteMoves}).
 */
@Component
class Inbox {

	record Outcome(HttpStatus status, String reason) {

		static final Outcome ACCEPTED = new Outcome(HttpStatus.ACCEPTED, "");

	}

	private final LocalActors actors;

	private final Followers followers;

	private final DeliveryQueue queue;

	private final Sites sites;

	private final ActorKeys keys;

	private final FederationWorkers workers;

	private final RemoteReplies replies;

	private final RemoteSuspensions suspensions;

	private final RemoteFlags flags;

	private final RemoteMoves moves;

	private final TransactionTemplate transactions;

	Inbox(LocalActors actors, Followers followers, DeliveryQueue queue, Sites sites, ActorKeys keys,
			FederationWorkers workers, RemoteReplies replies, RemoteSuspensions suspensions, RemoteFlags flags,
			RemoteMoves moves, TransactionTemplate transactions) {
		this.moves = moves;
		this.transactions = transactions;
		this.actors = actors;
		this.followers = followers;
		this.queue = queue;
		this.sites = sites;
		this.keys = keys;
		this.workers = workers;
		this.replies = replies;
		this.suspensions = suspensions;
		this.flags = flags;
	}

	/**
	 * Outside any transaction: a {@code Move} asks another server before writing ({@link RemoteMoves}); everything
	 * else is done in one transaction.
	 */
	Outcome receive(RemoteActor sender, JsonNode activity) {
		if (!sender.uri().equals(idOf(activity.get("actor")))) {
			return new Outcome(HttpStatus.FORBIDDEN, "The activity's actor is not the one who signed it.");
		}
		if (this.suspensions.isSuspended(sender)) {
			return new Outcome(HttpStatus.FORBIDDEN, "This account is suspended here: its activities are refused.");
		}
		String type = text(activity, "type");
		if ("Move".equals(type)) {
			return this.moves.receive(sender, activity);
		}
		Outcome outcome = this.transactions.execute((status) -> handle(sender, type, activity));
		return (outcome != null) ? outcome : Outcome.ACCEPTED;
	}

	private Outcome handle(RemoteActor sender, @Nullable String type, JsonNode activity) {
		return switch ((type == null) ? "" : type) {
			case "Follow" -> follow(sender, activity);
			case "Undo" -> undo(sender, activity);
			case "Block" -> block(sender, activity);
			case "Flag" -> this.flags.receive(sender, activity);
			default -> this.replies.receive(sender, type, activity);
		};
	}

	private Outcome follow(RemoteActor sender, JsonNode follow) {
		String object = idOf(follow.get("object"));
		Optional<LocalActor> followed = (object == null) ? Optional.empty() : localActor(object);
		if (followed.isEmpty()) {
			return new Outcome(HttpStatus.NOT_FOUND, "No person or tag here is " + object + ".");
		}
		String followId = text(follow, "id");
		if (followId == null) {
			return new Outcome(HttpStatus.BAD_REQUEST, "A Follow needs an id, for its Accept and Undo.");
		}
		LocalActor actor = followed.get();
		this.followers.add(actor, sender.id(), followId);
		this.keys.of(actor);
		Documents documents = this.sites.current();
		ObjectNode accepted = (ObjectNode) follow.deepCopy();
		accepted.remove("@context");
		this.queue.queue(List.of(sender.inbox()), actor, documents.keyId(actor),
				ActivityStreams.JSON.writeValueAsString(documents.accepted(actor, accepted)));
		wakeWorkersAfterCommit();
		return Outcome.ACCEPTED;
	}

	private Outcome undo(RemoteActor sender, JsonNode undo) {
		JsonNode undone = undo.get("object");
		if (undone != null && undone.isObject() && "Follow".equals(text(undone, "type"))) {
			String object = idOf(undone.get("object"));
			Optional<LocalActor> followed = (object == null) ? Optional.empty() : localActor(object);
			followed.ifPresent((actor) -> this.followers.remove(actor, sender.id()));
			return Outcome.ACCEPTED;
		}
		String undoneId = idOf(undone);
		if (undoneId != null) {
			this.followers.removeFollow(sender.id(), undoneId);
		}
		return this.replies.undo(sender, undoneId);
	}

	/** The sender blocks a person or tag here: it no longer follows them, so nothing more is sent to it. */
	private Outcome block(RemoteActor sender, JsonNode block) {
		String object = idOf(block.get("object"));
		Optional<LocalActor> blocked = (object == null) ? Optional.empty() : localActor(object);
		blocked.ifPresent((actor) -> this.followers.remove(actor, sender.id()));
		return Outcome.ACCEPTED;
	}

	/** A person's or a tag's id on this site: {@code <base>/people/<login>} or {@code <base>/tag/<key>}. */
	Optional<LocalActor> localActor(String uri) {
		String base = this.sites.current().base();
		if (uri.startsWith(base + "/people/")) {
			return this.actors.person(uri.substring((base + "/people/").length()));
		}
		if (uri.startsWith(base + "/tag/")) {
			return this.actors.tag(URLDecoder.decode(uri.substring((base + "/tag/").length()), StandardCharsets.UTF_8));
		}
		return Optional.empty();
	}

	private void wakeWorkersAfterCommit() {
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				Inbox.this.workers.wake();
			}
		});
	}

	/** An object's id, whether the object is given whole or by its id. */
	static @Nullable String idOf(@Nullable JsonNode node) {
		if (node == null) {
			return null;
		}
		if (node.isString()) {
			return node.asString();
		}
		return node.isObject() ? text(node, "id") : null;
	}

	static @Nullable String text(JsonNode node, String field) {
		JsonNode value = node.get(field);
		return (value != null && value.isString()) ? value.asString() : null;
	}

}
