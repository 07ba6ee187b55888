package org.veille.link.fetch;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/** Tells an HTML page sent without a {@code Content-Type} from other content, by its first tag. */
final class HtmlSniffer {

	private static final List<String> OPENINGS =
			List.of("<!doctype html", "<html", "<head", "<title", "<meta", "<body", "<!--", "<script", "<p", "<div");

	private HtmlSniffer() {
	}

	static boolean looksLikeHtml(byte[] bytes) {
		String start = new String(bytes, 0, Math.min(bytes.length, 512), StandardCharsets.ISO_8859_1)
				.replace("\uFEFF", "").replace("\u00EF\u00BB\u00BF", "").stripLeading().toLowerCase(Locale.ROOT);
		return OPENINGS.stream().anyMatch(start::startsWith);
	}
}
