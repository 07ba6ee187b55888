package org.veille.follow;

import java.time.Clock;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.veille.database.Timestamps;
import org.veille.link.SiteKeys;
import org.veille.web.NotFoundException;

/**
 * Follows and unfollows people, tags and sites; blocks and unblocks people. Doing one twice is
 * harmless: the second time changes nothing.
 */
@Service
class FollowService {

	enum Outcome {

		DONE, SELF, BLOCKING

	}

	private final JdbcClient jdbc;

	private final Relations relations;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	FollowService(JdbcClient jdbc, Relations relations, Clock clock, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.relations = relations;
		this.clock = clock;
		this.events = events;
	}

	/** Follows a person, unless it is oneself or someone one blocks. */
	@Transactional
	Outcome followPerson(long readerId, String login) {
		long personId = accountId(login);
		if (personId == readerId) {
			return Outcome.SELF;
		}
		if (this.relations.blocks(readerId, personId)) {
			return Outcome.BLOCKING;
		}
		int added = this.jdbc.sql("""
				insert into person_follows (follower_id, followee_id, created_at) values (:reader, :person, :now)
				on conflict do nothing
				""").param("reader", readerId).param("person", personId).param("now", now()).update();
		if (added > 0) {
			this.events.publishEvent(new PersonFollowed(readerId, personId));
		}
		return Outcome.DONE;
	}

	@Transactional
	void unfollowPerson(long readerId, String login) {
		stopFollowing(readerId, accountId(login));
	}

	private void stopFollowing(long readerId, long personId) {
		this.jdbc.sql("delete from person_follows where follower_id = :reader and followee_id = :person")
			.param("reader", readerId)
			.param("person", personId)
			.update();
	}

	/** Blocks a person, and stops following them. */
	@Transactional
	Outcome block(long readerId, String login) {
		long personId = accountId(login);
		if (personId == readerId) {
			return Outcome.SELF;
		}
		this.jdbc.sql("""
				insert into blocks (blocker_id, blocked_id, created_at) values (:reader, :person, :now)
				on conflict do nothing
				""").param("reader", readerId).param("person", personId).param("now", now()).update();
		stopFollowing(readerId, personId);
		return Outcome.DONE;
	}

	@Transactional
	void unblock(long readerId, String login) {
		this.jdbc.sql("delete from blocks where blocker_id = :reader and blocked_id = :person")
			.param("reader", readerId)
			.param("person", accountId(login))
			.update();
	}

	@Transactional
	void followTag(long readerId, String key) {
		this.jdbc.sql("""
				insert into tag_follows (account_id, tag_id, created_at) values (:reader, :tag, :now)
				on conflict do nothing
				""").param("reader", readerId).param("tag", tagId(key)).param("now", now()).update();
	}

	@Transactional
	void unfollowTag(long readerId, String key) {
		this.jdbc.sql("delete from tag_follows where account_id = :reader and tag_id = :tag")
			.param("reader", readerId)
			.param("tag", tagId(key))
			.update();
	}

	/** Follows a site as typed; returns the site as stored, or empty when what was typed names no site. */
	@Transactional
	Optional<String> followSite(long readerId, String typed) {
		Optional<String> site = SiteKeys.parse(typed);
		site.ifPresent((key) -> this.jdbc.sql("""
				insert into site_follows (account_id, site, created_at) values (:reader, :site, :now)
				on conflict do nothing
				""").param("reader", readerId).param("site", key).param("now", now()).update());
		return site;
	}

	@Transactional
	void unfollowSite(long readerId, String site) {
		this.jdbc.sql("delete from site_follows where account_id = :reader and site = :site")
			.param("reader", readerId)
			.param("site", site)
			.update();
	}

	private long accountId(String login) {
		return this.jdbc.sql("select id from accounts where lower(login) = lower(:login)")
			.param("login", login)
			.query(Long.class)
			.optional()
			.orElseThrow(() -> NotFoundException.person(login));
	}

	private long tagId(String key) {
		return this.jdbc.sql("select id from tags where key = :key")
			.param("key", key)
			.query(Long.class)
			.optional()
			.orElseThrow(() -> NotFoundException.tag(key));
	}

	private java.time.OffsetDateTime now() {
		return Timestamps.of(this.clock.instant());
	}

}
