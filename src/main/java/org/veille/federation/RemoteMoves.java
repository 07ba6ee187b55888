package org.veille.federation;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A {@code Move} of an account of another server that follows people or tags here (its {@code actor} and
 * {@code object} the old account, its {@code target} the new one): the target is fetched afresh through the guarded
 * client, outside any transaction, and only when it names the old account among its {@code alsoKnownAs} do the
 * follows become the new account's (one follow per person or tag: none doubled when it already followed), so that
 * what follows goes to its inbox. Anything else is taken and ignored (202): a Move of someone else, of an account
 * following nothing here, to a target that cannot be fetched (a private address, an error), that does not list the
 * old account, or that is suspended here or on a blocked server.
 */
@Component
class RemoteMoves {

	private final JdbcClient jdbc;

	private final RemoteActors actors;

	private final RemoteSuspensions suspensions;

	private final DomainBlocks blocks;

	RemoteMoves(JdbcClient jdbc, RemoteActors actors, RemoteSuspensions suspensions, DomainBlocks blocks) {
		this.jdbc = jdbc;
		this.actors = actors;
		this.suspensions = suspensions;
		this.blocks = blocks;
	}

	/** Outside any transaction: the target's server is asked before anything is written. */
	Inbox.Outcome receive(RemoteActor sender, JsonNode move) {
		String target = Inbox.idOf(move.get("target"));
		if (!sender.uri().equals(Inbox.idOf(move.get("object"))) || target == null || target.equals(sender.uri())
				|| !followsAnyone(sender)) {
			return Inbox.Outcome.ACCEPTED;
		}
		RemoteActors.Fetched moved;
		try {
			moved = this.actors.fetchAfresh(target);
		}
		catch (RemoteActorException ex) {
			return Inbox.Outcome.ACCEPTED;
		}
		RemoteActor account = moved.actor();
		if (!account.uri().equals(target) || !names(moved.document().get("alsoKnownAs"), sender.uri())
				|| this.suspensions.isSuspended(account) || this.blocks.isBlocked(account.host())) {
			return Inbox.Outcome.ACCEPTED;
		}
		// One statement, so atomic: the old account's follows become the new one's, unless it has them already.
		this.jdbc.sql("""
				with gone as (
				    delete from federation_followers where remote_actor_id = :old
				    returning account_id, tag_id, follow_uri, created_at)
				insert into federation_followers (remote_actor_id, account_id, tag_id, follow_uri, created_at)
				select :new, account_id, tag_id, follow_uri, created_at from gone
				on conflict do nothing
				""").param("old", sender.id()).param("new", account.id()).update();
		return Inbox.Outcome.ACCEPTED;
	}

	private boolean followsAnyone(RemoteActor sender) {
		return this.jdbc.sql("select exists (select from federation_followers where remote_actor_id = :actor)")
			.param("actor", sender.id())
			.query(Boolean.class)
			.single();
	}

	/** Whether {@code alsoKnownAs} (one id or a list, ids or objects) names the account. */
	private static boolean names(@Nullable JsonNode alsoKnownAs, String account) {
		if (alsoKnownAs != null && alsoKnownAs.isArray()) {
			for (JsonNode each : alsoKnownAs) {
				if (account.equals(Inbox.idOf(each))) {
					return true;
				}
			}
			return false;
		}
		return account.equals(Inbox.idOf(alsoKnownAs));
	}

}
