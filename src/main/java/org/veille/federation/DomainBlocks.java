package org.veille.federation;

import java.time.Clock;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import org.veille.account.CurrentAccount;
import org.veille.admin.RemoteModerationLog;
import org.veille.database.Timestamps;

/**
 * Hosts whose activities are refused (403, before their key is fetched) and whose replies are removed.
 */
@Component
class DomainBlocks {

	private final JdbcClient jdbc;

	private final RemoteModerationLog log;

	private final RemoteHashtags hashtags;

	private final Clock clock;

	DomainBlocks(JdbcClient jdbc, RemoteModerationLog log, RemoteHashtags hashtags, Clock clock) {
		this.jdbc = jdbc;
		this.log = log;
		this.hashtags = hashtags;
		this.clock = clock;
	}

	boolean isBlocked(String host) {
		return this.jdbc.sql("select exists (select from federation_domain_blocks where host = :host)")
			.param("host", host.toLowerCase(Locale.ROOT))
			.query(Boolean.class)
			.single();
	}

	/** Whether the server of this signature's key is blocked: known before any key is fetched. */
	boolean isBlockedKey(@Nullable String keyId) {
		if (keyId == null) {
			return false;
		}
		try {
			return isBlocked(RemoteActors.hostOf(keyId));
		}
		catch (RemoteActorException ex) {
			return false;
		}
	}

	List<String> all() {
		return this.jdbc.sql("select host from federation_domain_blocks order by host").query(String.class).list();
	}

	/** Blocks a host and removes what its people left here: replies (and the tags they brought), likes, boosts and follows. */
	@Transactional
	void block(CurrentAccount admin, String host) {
		String key = host.toLowerCase(Locale.ROOT);
		int added = this.jdbc.sql("insert into federation_domain_blocks (host, created_at) values (:host, :now) on conflict do nothing")
			.param("host", key)
			.param("now", Timestamps.of(this.clock.instant()))
			.update();
		if (added > 0) {
			this.log.record(admin, RemoteModerationLog.Action.BLOCK_SERVER, key);
		}
		List<Long> tagged = this.hashtags.threadsTaggedBy("a.host = :value", key);
		this.jdbc.sql("delete from remote_actors where host = :host").param("host", key).update();
		this.hashtags.retag(tagged);
		this.jdbc.sql("delete from federation_deliveries where host = :host").param("host", key).update();
	}

	@Transactional
	void unblock(CurrentAccount admin, String host) {
		String key = host.toLowerCase(Locale.ROOT);
		if (this.jdbc.sql("delete from federation_domain_blocks where host = :host").param("host", key).update() > 0) {
			this.log.record(admin, RemoteModerationLog.Action.UNBLOCK_SERVER, key);
		}
	}

}
