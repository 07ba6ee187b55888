package org.veille.link;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.veille.link.fetch.FailureReason;
import org.veille.link.fetch.FetchOutcome.Failed;

/**
 * What a failed fetch says about the page (docs/architecture.md, "Links that died"): the server's final
 * answer that it is gone (404, 410), a host name that does not exist once every attempt failed, a failure that
 * counts only when it lasts (a refused connection, a timeout, another error status), or nothing about the page
 * (an address Veille does not fetch, a page too large).
 */
enum LinkHealth {

	/** The server says the page is gone: no retry, gone now. */
	GONE,
	/** The name does not resolve: retried, and gone once the last attempt failed too. */
	GONE_WHEN_GIVEN_UP,
	/** Gone only once the link has kept failing for {@code veille.dead-links.gone-after}. */
	GONE_IF_LASTING,
	/** Nothing about the page itself. */
	NO_SIGN;

	private static final Pattern STATUS = Pattern.compile("^(\\d{3})\\b");

	static LinkHealth of(Failed failed) {
		return switch (failed.reason()) {
			case HTTP_STATUS -> isGoneStatus(failed.detail()) ? GONE : GONE_IF_LASTING;
			case DNS -> isTemporary(failed.detail()) ? GONE_IF_LASTING : GONE_WHEN_GIVEN_UP;
			case REFUSED, TIMEOUT, TLS, PROTOCOL -> GONE_IF_LASTING;
			case BLOCKED_ADDRESS, TOO_MANY_REDIRECTS, BAD_URL, TOO_LARGE, UNSUPPORTED_CONTENT_TYPE -> NO_SIGN;
		};
	}

	/** The failure reasons worth a re-check besides a page judged gone: those that may pass or last. */
	static String[] recheckedReasons() {
		return new String[] { FailureReason.HTTP_STATUS.name(), FailureReason.DNS.name(), FailureReason.REFUSED.name(),
				FailureReason.TIMEOUT.name(), FailureReason.TLS.name(), FailureReason.PROTOCOL.name() };
	}

	/** The detail of an error status starts with the status ({@code 404 Not Found}). */
	private static boolean isGoneStatus(String detail) {
		Matcher status = STATUS.matcher(detail);
		return status.find() && (status.group(1).equals("404") || status.group(1).equals("410"));
	}

	/** The system's resolver says when it could not ask (EAI_AGAIN) rather than heard that the name does not exist. */
	private static boolean isTemporary(String detail) {
		String lower = detail.toLowerCase(Locale.ROOT);
		return lower.contains("temporary failure") || lower.contains("try again");
	}

}
