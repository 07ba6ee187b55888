package org.veille.web;

import java.nio.charset.StandardCharsets;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.RedirectView;

/**
 * Redirects of pages to their canonical URL. Whatever the path holds, the {@code Location} sent holds only
 * the characters a URI may (RFC 3986): no raw space, quote, angle bracket, control or bidi character.
 */
public final class Redirects {

	/** Allowed as they are, besides letters and digits: the unreserved and reserved characters of RFC 3986. */
	private static final String URI_PUNCTUATION = "-._~:/?#[]@!$&'()*+,;=";

	private static final char[] HEX = "0123456789ABCDEF".toCharArray();

	private Redirects() {
	}

	/** A 301 to this site-relative URL (no template variables, no model attributes). */
	public static ModelAndView permanent(String url) {
		RedirectView view = new RedirectView(location(url), true);
		view.setStatusCode(HttpStatus.MOVED_PERMANENTLY);
		view.setExpandUriTemplateVariables(false);
		view.setExposeModelAttributes(false);
		return new ModelAndView(view);
	}

	/**
	 * A 301 to the canonical path of a list, keeping the reader's page: the position is one already read
	 * with {@link Cursor#parse}, so only a position Veille could have written is carried.
	 */
	public static ModelAndView permanent(String path, @Nullable Cursor before) {
		return permanent((before != null) ? path + "?before=" + before.token() : path);
	}

	/**
	 * The URL with every character a URI may not hold percent-encoded in UTF-8; escapes already there are
	 * kept, and a {@code %} that starts none is encoded itself.
	 */
	static String location(String url) {
		StringBuilder location = new StringBuilder(url.length() + 16);
		for (int i = 0; i < url.length(); i = url.offsetByCodePoints(i, 1)) {
			int c = url.codePointAt(i);
			if (isAllowed(c) || (c == '%' && isEscape(url, i))) {
				location.append((char) c);
			}
			else {
				for (byte b : Character.toString(c).getBytes(StandardCharsets.UTF_8)) {
					location.append('%').append(HEX[(b >> 4) & 0xF]).append(HEX[b & 0xF]);
				}
			}
		}
		return location.toString();
	}

	private static boolean isAllowed(int c) {
		return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
				|| (c < 128 && URI_PUNCTUATION.indexOf(c) >= 0);
	}

	private static boolean isEscape(String url, int percent) {
		return percent + 2 < url.length() && isHex(url.charAt(percent + 1)) && isHex(url.charAt(percent + 2));
	}

	private static boolean isHex(char c) {
		return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'F') || (c >= 'a' && c <= 'f');
	}

}
