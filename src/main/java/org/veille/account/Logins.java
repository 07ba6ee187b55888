package org.veille.account;

import java.util.regex.Pattern;

/**
 * The shape of a login. A login is what follows {@code @} in a mention, so it follows the mention
 * grammar: letters, digits and {@code . _ -}, starting with a letter or digit, not ending with a dot.
 */
final class Logins {

	static final String PATTERN = "^[A-Za-z0-9][A-Za-z0-9._-]*(?<!\\.)$";

	static final int MAX_LENGTH = 30;

	private static final Pattern COMPILED = Pattern.compile(PATTERN);

	private Logins() {
	}

	/** Whether a login could exist: anything else is answered without asking the database. */
	static boolean isWellFormed(String login) {
		return login.length() <= MAX_LENGTH && COMPILED.matcher(login).matches();
	}

}
