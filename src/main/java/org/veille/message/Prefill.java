package org.veille.message;

import org.jspecify.annotations.Nullable;

/**
 * The text that {@code /post?title=…&url=…&selection=…} puts in the form: the title line, the URL,
 * then the selection as a quote, as a person would type them.
 */
final class Prefill {

	private Prefill() {
	}

	static String text(@Nullable String title, @Nullable String url, @Nullable String selection) {
		StringBuilder text = new StringBuilder();
		appendLine(text, title);
		appendLine(text, url);
		if (selection != null && !selection.isBlank()) {
			text.append(text.isEmpty() ? "" : "\n").append('❝').append(selection.strip()).append("❞\n");
		}
		return text.toString();
	}

	private static void appendLine(StringBuilder text, @Nullable String line) {
		if (line != null && !line.isBlank()) {
			text.append(line.strip().replaceAll("\\s+", " ")).append('\n');
		}
	}

}
