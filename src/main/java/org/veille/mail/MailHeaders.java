package org.veille.mail;

import java.util.regex.Pattern;

/**
 * What may go into a header we build. Jakarta Mail encodes non-ASCII text (RFC 2047 encoded words) and
 * folds long lines; a CR or LF in a value would end the header and start another, so any value holding
 * one is refused, and text that comes from people (names, titles) is made one line first.
 */
public final class MailHeaders {

	private static final Pattern CONTROLS = Pattern.compile("[\\p{Cc}\\u2028\\u2029]+");

	private static final Pattern SPACES = Pattern.compile("\\s{2,}");

	private MailHeaders() {
	}

	/** @throws IllegalArgumentException when the value holds a CR or LF */
	public static String check(String value) {
		if (value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0) {
			throw new IllegalArgumentException("A mail header value may not hold CR or LF");
		}
		return value;
	}

	/** People's text for a subject: control characters (CR and LF among them) become spaces, on one line. */
	public static String oneLine(String text) {
		return SPACES.matcher(CONTROLS.matcher(text).replaceAll(" ")).replaceAll(" ").strip();
	}

}
