package org.veille.federation;

import java.time.Clock;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import org.veille.database.Timestamps;

/**
 * Remote actors following local people and tags.
 */
@Component
class Followers {

	private final JdbcClient jdbc;

	private final Clock clock;

	Followers(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	private static String column(LocalActor actor) {
		return actor.isPerson() ? "account_id" : "tag_id";
	}

	int count(LocalActor actor) {
		return this.jdbc.sql("select count(*) from federation_followers where %s = :id".formatted(column(actor)))
			.param("id", actor.id())
			.query(Integer.class)
			.single();
	}

	/** Follows again when already following: the new Follow's id is kept, for its Undo. */
	@Transactional
	void add(LocalActor actor, long remoteActorId, String followUri) {
		this.jdbc.sql("""
				insert into federation_followers (remote_actor_id, %1$s, follow_uri, created_at)
				values (:remote, :id, :follow, :now)
				on conflict (%1$s, remote_actor_id) where %1$s is not null do update set follow_uri = excluded.follow_uri
				""".formatted(column(actor)))
			.param("remote", remoteActorId)
			.param("id", actor.id())
			.param("follow", followUri)
			.param("now", Timestamps.of(this.clock.instant()))
			.update();
	}

	@Transactional
	boolean remove(LocalActor actor, long remoteActorId) {
		return this.jdbc.sql("delete from federation_followers where %s = :id and remote_actor_id = :remote"
			.formatted(column(actor))).param("id", actor.id()).param("remote", remoteActorId).update() > 0;
	}

	/** Undo of a Follow named by its id. */
	@Transactional
	void removeFollow(long remoteActorId, String followUri) {
		this.jdbc.sql("delete from federation_followers where remote_actor_id = :remote and follow_uri = :follow")
			.param("remote", remoteActorId)
			.param("follow", followUri)
			.update();
	}

	/** The distinct inboxes to deliver an actor's activities to: a shared inbox once for all its actors. */
	List<String> inboxes(String column, long id) {
		return this.jdbc.sql("""
				select distinct coalesce(r.shared_inbox, r.inbox) from federation_followers f
				join remote_actors r on r.id = f.remote_actor_id where f.%s = :id
				""".formatted(column)).param("id", id).query(String.class).list();
	}

}
