package org.veille.search;

/**
 * What the SQL function {@code search_fold} (migrations V5, V9) makes of a text, one character at a time, with
 * where each folded character came from: so that a passage PostgreSQL cut from the folded text can be shown as
 * typed. Lower case is {@link Character#toLowerCase(int)}, one character for one as PostgreSQL's {@code lower()}.
 */
final class SearchFold {

	// The two strings of search_fold's translate(), in the same order.
	private static final String ACCENTED = "àáâãäåçèéêëìíîïñòóôõöùúûüýÿāăąćĉċčďēĕėęěĝğġģĥĩīĭįĵķĺļľńņňōŏőŕŗřśŝşšţťũūŭůűųŵŷźżžơưǎǐǒǔǖǘǚǜǟǡǧǩǫǭǰǵǹǻȁȃȅȇȉȋȍȏȑȓȕȗșțȟȧȩȫȭȯȱȳøłđ";

	private static final String PLAIN = "aaaaaaceeeeiiiinooooouuuuyyaaaccccdeeeeegggghiiiijklllnnnooorrrssssttuuuuuuwyzzzouaiouuuuuaagkoojgnaaaeeiioorruusthaeooooyold";

	private final String text;

	private final int[] origin;

	private SearchFold(String text, int[] origin) {
		this.text = text;
		this.origin = origin;
	}

	/** The folded text, leaving out the characters of {@code dropped} as the SQL's {@code translate()} does. */
	static SearchFold of(String original, String dropped) {
		StringBuilder folded = new StringBuilder(original.length());
		int[] origin = new int[original.length() * 2 + 1];
		for (int i = 0; i < original.length();) {
			int c = original.codePointAt(i);
			if (dropped.indexOf(c) < 0) {
				String part = fold(c);
				for (int k = 0; k < part.length(); k++) {
					origin[folded.length()] = i;
					folded.append(part.charAt(k));
				}
			}
			i += Character.charCount(c);
		}
		return new SearchFold(folded.toString(), origin);
	}

	private static String fold(int c) {
		int lower = Character.toLowerCase(c);
		switch (lower) {
			case 'œ':
				return "oe";
			case 'æ':
				return "ae";
			case 'ß':
				return "ss";
			default:
				int at = (lower < 0x10000) ? ACCENTED.indexOf(lower) : -1;
				return (at >= 0) ? String.valueOf(PLAIN.charAt(at)) : Character.toString(lower);
		}
	}

	String text() {
		return this.text;
	}

	/** Where in the original the folded character at {@code index} starts. */
	int start(int index) {
		return this.origin[index];
	}

	/** Where in the original the folded characters before {@code end} end (a ligature counts whole). */
	int end(String original, int end) {
		int last = this.origin[end - 1];
		return last + Character.charCount(original.codePointAt(last));
	}

}
