package org.veille.federation;

import java.time.Clock;
import java.util.List;
import java.util.Locale;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import org.veille.account.CurrentAccount;
import org.veille.admin.RemoteModerationLog;
import org.veille.database.Timestamps;

/**
 * Accounts of other servers suspended one by one: their activities are refused (403), their replies hidden from the
 * thread pages but kept (lifting the suspension shows them again), their follows of people and tags here removed
 * and what was waiting for their own inbox dropped, and the tags their replies brought to threads taken away (back
 * when the suspension is lifted, if the site still allows it). A suspension names the actor by id or by handle;
 * both match.
 */
@Component
class RemoteSuspensions {

	/** Whether the remote actor {@code a} is suspended, in SQL: its id or its handle is named (primary key). */
	static final String SUSPENDED_ACTOR = """
			exists (select from federation_account_suspensions s where s.actor in (a.uri, lower(a.handle)))""";

	/** The remote actor {@code a} named by a suspension's key {@code :value}. */
	private static final String NAMED = "(a.uri = :value or lower(a.handle) = :value)";

	private final JdbcClient jdbc;

	private final RemoteModerationLog log;

	private final RemoteHashtags hashtags;

	private final Clock clock;

	RemoteSuspensions(JdbcClient jdbc, RemoteModerationLog log, RemoteHashtags hashtags, Clock clock) {
		this.jdbc = jdbc;
		this.log = log;
		this.hashtags = hashtags;
		this.clock = clock;
	}

	boolean isSuspended(RemoteActor actor) {
		return this.jdbc.sql("select exists (select from federation_account_suspensions where actor in (:uri, :handle))")
			.param("uri", actor.uri())
			.param("handle", actor.handle().toLowerCase(Locale.ROOT))
			.query(Boolean.class)
			.single();
	}

	List<String> all() {
		return this.jdbc.sql("select actor from federation_account_suspensions order by actor").query(String.class).list();
	}

	@Transactional
	void suspend(CurrentAccount admin, RemoteAccountName name) {
		int added = this.jdbc.sql("""
				insert into federation_account_suspensions (actor, created_at) values (:actor, :now) on conflict do nothing
				""").param("actor", name.key()).param("now", Timestamps.of(this.clock.instant())).update();
		// Its own inbox only: a shared inbox also serves the other people of its server.
		this.jdbc.sql("""
				delete from federation_deliveries d using remote_actors a
				where (a.uri = :actor or lower(a.handle) = :actor) and d.inbox = a.inbox
				""").param("actor", name.key()).update();
		this.jdbc.sql("""
				delete from federation_followers f using remote_actors a
				where f.remote_actor_id = a.id and (a.uri = :actor or lower(a.handle) = :actor)
				""").param("actor", name.key()).update();
		if (added > 0) {
			// ThreadTags leaves out the tags its replies brought: the threads' tags are derived again without them.
			this.hashtags.retag(this.hashtags.threadsTaggedBy(NAMED, name.key()));
			this.log.record(admin, RemoteModerationLog.Action.SUSPEND_ACCOUNT, name.key());
		}
	}

	@Transactional
	void lift(CurrentAccount admin, String actor) {
		if (this.jdbc.sql("delete from federation_account_suspensions where actor = :actor").param("actor", actor)
			.update() > 0) {
			this.hashtags.afterLifting(NAMED, actor);
			this.log.record(admin, RemoteModerationLog.Action.UNSUSPEND_ACCOUNT, actor);
		}
	}

}
