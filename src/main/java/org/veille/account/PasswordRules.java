package org.veille.account;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

import me.gosimple.nbvcxz.Nbvcxz;
import me.gosimple.nbvcxz.scoring.Result;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * What a new password must be: at most what bcrypt reads, free of the person's login and e-mail name,
 * and hard to guess as nbvcxz estimates it (zxcvbn's method: dictionaries of common passwords, words and
 * names, keyboard patterns, repeats, sequences, dates, each tried the way cracking programs do).
 */
@Component
class PasswordRules {

	/**
	 * nbvcxz's score 3: at least 10^8 guesses, "safely unguessable" for a salted slow hash such as bcrypt;
	 * 2 and below fall to an online or an offline attack.
	 */
	static final int MIN_SCORE = 3;

	/** bcrypt reads only the first 72 bytes of a password; a longer one would be silently cut. */
	private static final int MAX_BYTES = 72;

	/** A login or e-mail name shorter than this is too common a string to refuse everywhere it appears. */
	private static final int SHORTEST_NAME_REFUSED = 3;

	/** Loads its dictionaries once (about a second); estimating is safe from several threads. */
	private final Nbvcxz estimator = new Nbvcxz();

	void check(String password, String login, String email) {
		if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
			throw SignupRejectedException.passwordTooLong();
		}
		if (holds(password, login)) {
			throw SignupRejectedException.passwordHoldsLogin();
		}
		int at = email.lastIndexOf('@');
		if (at > 0 && holds(password, email.substring(0, at))) {
			throw SignupRejectedException.passwordHoldsEmail();
		}
		Result estimate = this.estimator.estimate(password);
		if (estimate.getBasicScore() < MIN_SCORE) {
			throw SignupRejectedException.passwordGuessable(reason(estimate.getFeedback().getWarningKey()));
		}
	}

	private static boolean holds(String password, String name) {
		String folded = name.strip().toLowerCase(Locale.ROOT);
		return folded.length() >= SHORTEST_NAME_REFUSED && password.toLowerCase(Locale.ROOT).contains(folded);
	}

	/** Our own words for nbvcxz's warning, in messages*.properties. */
	private static String reason(@Nullable String warningKey) {
		String key = (warningKey != null) ? warningKey : "";
		if (key.contains(".dictionary.")) {
			return "signup.password.why.common";
		}
		if (key.contains(".spatial.")) {
			return "signup.password.why.keyboard";
		}
		if (key.contains(".repeat.")) {
			return "signup.password.why.repeat";
		}
		if (key.contains(".sequence.")) {
			return "signup.password.why.sequence";
		}
		if (key.contains(".year.")) {
			return "signup.password.why.year";
		}
		if (key.contains(".date.")) {
			return "signup.password.why.date";
		}
		return "signup.password.why.default";
	}

}
