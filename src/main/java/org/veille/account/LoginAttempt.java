package org.veille.account;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * A sign-in attempt as {@link LoginThrottle} counted it: under which keys, whether it also counted
 * against the account from everywhere, and, when refused, how long until the counter that refused it
 * starts again.
 *
 * @param account the login as typed, folded
 * @param address the client's address as counted (IPv6 by /64)
 * @param countedForAccount whether the account's counter across addresses was raised
 * @param retryAfter when refused, the wait (a second at least); null if the password may be checked
 */
record LoginAttempt(String account, String address, boolean countedForAccount, @Nullable Duration retryAfter) {

	boolean isRefused() {
		return this.retryAfter != null;
	}

}
