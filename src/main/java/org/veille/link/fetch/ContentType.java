package org.veille.link.fetch;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * A parsed {@code Content-Type} header.
 *
 * @param mediaType the type and subtype, lower case
 * @param charset the {@code charset} parameter, unquoted, as sent
 */
record ContentType(String mediaType, @Nullable String charset) {

	static @Nullable ContentType parse(@Nullable String header) {
		if (header == null) {
			return null;
		}
		String[] parts = header.split(";");
		String mediaType = parts[0].strip().toLowerCase(Locale.ROOT);
		if (mediaType.isEmpty() || mediaType.indexOf('/') <= 0) {
			return null;
		}
		String charset = null;
		for (int i = 1; i < parts.length; i++) {
			String parameter = parts[i].strip();
			int equals = parameter.indexOf('=');
			if (equals > 0 && parameter.substring(0, equals).strip().equalsIgnoreCase("charset")) {
				charset = unquote(parameter.substring(equals + 1).strip());
			}
		}
		return new ContentType(mediaType, charset == null || charset.isEmpty() ? null : charset);
	}

	boolean isHtml() {
		return mediaType.equals("text/html") || mediaType.equals("application/xhtml+xml");
	}

	boolean isImage() {
		return mediaType.startsWith("image/");
	}

	private static String unquote(String value) {
		if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
			return value.substring(1, value.length() - 1).strip();
		}
		return value;
	}
}
