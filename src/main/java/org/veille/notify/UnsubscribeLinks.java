package org.veille.notify;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
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

	/** The absolute unsubscribe address of this person for this kind of e-mail, made if it was not yet. */
	String url(long accountId, Notification notification) {
		Optional<String> token = token(accountId, notification);
		if (token.isEmpty()) {
			make(List.of(accountId), notification);
			token = token(accountId, notification);
		}
		return this.links.absolute("/unsubscribe/" + token.orElseThrow());
	}

	/**
	 * Makes the links these people do not have yet for this kind of e-mail, in one statement (one commit for a
	 * batch of e-mails rather than one each).
	 */
	void make(Collection<Long> accountIds, Notification notification) {
		if (accountIds.isEmpty()) {
			return;
		}
		this.jdbc.sql("""
				insert into unsubscribe_links (token, account_id, kind)
				select token, account_id, :kind from unnest(cast(:tokens as text[]), cast(:accounts as bigint[]))
				    as l(token, account_id)
				on conflict (account_id, kind) do nothing
				""")
			.param("kind", notification.kind())
			.param("tokens", accountIds.stream().map((id) -> newToken()).toArray(String[]::new))
			.param("accounts", accountIds.toArray(Long[]::new))
			.update();
	}

	private Optional<String> token(long accountId, Notification notification) {
		return this.jdbc.sql("select token from unsubscribe_links where account_id = :account and kind = :kind")
			.param("account", accountId)
			.param("kind", notification.kind())
			.query(String.class)
			.optional();
	}

	private static String newToken() {
		byte[] random = new byte[24];
		RANDOM.nextBytes(random);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
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
