package org.veille.notify;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import org.veille.mail.MailLinks;

/**
 * The one-click unsubscribe addresses (RFC 8058): one random token per person and kind of e-mail, made the
 * first time such an e-mail is sent, kept as it is (all it can do is turn that e-mail off).
 */
@Repository
class UnsubscribeLinks {

	private static final SecureRandom RANDOM = new SecureRandom();

	private final JdbcClient jdbc;

	private final MailLinks links;

	UnsubscribeLinks(JdbcClient jdbc, MailLinks links) {
		this.jdbc = jdbc;
		this.links = links;
	}

	/** The absolute unsubscribe address of this person for this kind of e-mail. */
	String url(long accountId, Notification notification) {
		byte[] random = new byte[24];
		RANDOM.nextBytes(random);
		this.jdbc.sql("""
				insert into unsubscribe_links (token, account_id, kind) values (:token, :account, :kind)
				on conflict (account_id, kind) do nothing
				""")
			.param("token", Base64.getUrlEncoder().withoutPadding().encodeToString(random))
			.param("account", accountId)
			.param("kind", notification.kind())
			.update();
		String token = this.jdbc.sql("select token from unsubscribe_links where account_id = :account and kind = :kind")
			.param("account", accountId)
			.param("kind", notification.kind())
			.query(String.class)
			.single();
		return this.links.absolute("/unsubscribe/" + token);
	}

	/** Whose link this is, and for which kind. */
	Optional<Owner> owner(String token) {
		if (token.length() > 64) {
			return Optional.empty();
		}
		return this.jdbc.sql("select account_id, kind from unsubscribe_links where token = :token")
			.param("token", token)
			.query((rs, row) -> new Stored(rs.getLong("account_id"), rs.getString("kind")))
			.optional()
			.flatMap((stored) -> Notification.ofKind(stored.kind()).map((kind) -> new Owner(stored.accountId(), kind)));
	}

	record Owner(long accountId, Notification notification) {
	}

	private record Stored(long accountId, String kind) {
	}

}
