package org.veille.account;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/** Who may create an account: anyone, people with an invitation link, nobody. */
public enum SignupMode {

	OPEN, INVITATION, CLOSED;

	public String key() {
		return name().toLowerCase(Locale.ROOT);
	}

	public static Optional<SignupMode> of(@Nullable String key) {
		return Arrays.stream(values()).filter((mode) -> mode.key().equals(key)).findFirst();
	}

}
