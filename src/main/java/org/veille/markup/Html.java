package org.veille.markup;

/**
 * Escapes text for HTML element content and quoted attribute values.
 */
final class Html {

	private Html() {
	}

	static StringBuilder escape(CharSequence text, int start, int end, StringBuilder out) {
		for (int i = start; i < end; i++) {
			char c = text.charAt(i);
			switch (c) {
				case '&' -> out.append("&amp;");
				case '<' -> out.append("&lt;");
				case '>' -> out.append("&gt;");
				case '"' -> out.append("&quot;");
				case '\'' -> out.append("&#39;");
				default -> out.append(c);
			}
		}
		return out;
	}

	static StringBuilder escape(CharSequence text, StringBuilder out) {
		return escape(text, 0, text.length(), out);
	}

}
