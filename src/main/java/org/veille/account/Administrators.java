package org.veille.account;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Who administers the site: the logins of {@code veille.admin.logins}, or, when none is set, the first
 * account created (the lowest id: accounts are never renumbered). Decided when a person signs in or
 * authenticates to the API, so a change of the setting applies at their next sign-in.
 */
@Component
public class Administrators {

	private final Set<String> logins;

	private final JdbcClient jdbc;

	Administrators(AdminProperties properties, JdbcClient jdbc) {
		this.logins = properties.logins()
			.stream()
			.map(String::strip)
			.filter((login) -> !login.isEmpty())
			.map((login) -> login.toLowerCase(Locale.ROOT))
			.collect(Collectors.toUnmodifiableSet());
		this.jdbc = jdbc;
	}

	CurrentAccount.Role roleOf(long accountId, String login) {
		return isAdmin(accountId, login) ? CurrentAccount.Role.ADMIN : CurrentAccount.Role.MEMBER;
	}

	boolean isAdmin(long accountId, String login) {
		if (!this.logins.isEmpty()) {
			return this.logins.contains(login.toLowerCase(Locale.ROOT));
		}
		return firstAccount().filter((first) -> first == accountId).isPresent();
	}

	/**
	 * Whether this person is the administrator only because they created the first account: their home page
	 * says so, and how to name others.
	 */
	public boolean isAdminAsFirstAccount(long accountId) {
		return this.logins.isEmpty() && firstAccount().filter((first) -> first == accountId).isPresent();
	}

	private Optional<Long> firstAccount() {
		// One probe of the primary key's index.
		return this.jdbc.sql("select id from accounts order by id limit 1").query(Long.class).optional();
	}

}
