package org.veille.federation;

import java.time.Clock;
import java.util.List;
import java.util.Locale;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import org.veille.database.Timestamps;

/**
 * Hosts whose activities are refused (403, before their key is fetched) and whose replies are removed.
 */
@Component
class DomainBlocks {

	private final JdbcClient jdbc;

	private final Clock clock;

	DomainBlocks(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	boolean isBlocked(String host) {
		return this.jdbc.sql("select exists (select from federation_domain_blocks where host = :host)")
			.param("host", host.toLowerCase(Locale.ROOT))
			.query(Boolean.class)
			.single();
	}

	List<String> all() {
		return this.jdbc.sql("select host from federation_domain_blocks order by host").query(String.class).list();
	}

	/** Blocks a host and removes what its people left here: replies, likes, boosts and follows. */
	@Transactional
	void block(String host) {
		String key = host.toLowerCase(Locale.ROOT);
		this.jdbc.sql("insert into federation_domain_blocks (host, created_at) values (:host, :now) on conflict do nothing")
			.param("host", key)
			.param("now", Timestamps.of(this.clock.instant()))
			.update();
		this.jdbc.sql("delete from remote_actors where host = :host").param("host", key).update();
		this.jdbc.sql("delete from federation_deliveries where host = :host").param("host", key).update();
	}

	@Transactional
	void unblock(String host) {
		this.jdbc.sql("delete from federation_domain_blocks where host = :host")
			.param("host", host.toLowerCase(Locale.ROOT))
			.update();
	}

}
