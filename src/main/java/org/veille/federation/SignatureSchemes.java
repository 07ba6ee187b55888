package org.veille.federation;

import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The signature scheme each server took last (double-knocking, as Fedify does): RFC 9421 first where nothing is
 * known, the other scheme at once when the first is answered 400 or 401, and whichever was then taken remembered.
 */
@Component
class SignatureSchemes {

	enum Scheme {

		RFC_9421("rfc9421"), DRAFT_CAVAGE("draft-cavage");

		private final String stored;

		Scheme(String stored) {
			this.stored = stored;
		}

		Scheme other() {
			return (this == RFC_9421) ? DRAFT_CAVAGE : RFC_9421;
		}

		static Scheme of(String stored) {
			return stored.equals(DRAFT_CAVAGE.stored) ? DRAFT_CAVAGE : RFC_9421;
		}

	}

	private final JdbcClient jdbc;

	SignatureSchemes(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<Scheme> known(String host) {
		return this.jdbc.sql("select scheme from federation_host_signatures where host = :host")
			.param("host", host)
			.query(String.class)
			.optional()
			.map(Scheme::of);
	}

	void remember(String host, Scheme scheme) {
		this.jdbc.sql("""
				insert into federation_host_signatures (host, scheme) values (:host, :scheme)
				on conflict (host) do update set scheme = excluded.scheme, learned_at = now()
				""").param("host", host).param("scheme", scheme.stored).update();
	}

}
