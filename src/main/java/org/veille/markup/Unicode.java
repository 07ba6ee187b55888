package org.veille.markup;

import java.text.Normalizer;

/**
 * Unicode normalization that stays linear whatever the text. The JDK's normalizer puts each run of
 * combining marks in canonical order by insertion, so a run of thousands of marks of alternating
 * classes ({@code a} then {@code U+0301 U+0316} repeated) costs the square of its length: seconds for
 * a 40,000-character message. As the Stream-Safe Text Format of UAX #15 does, a combining grapheme
 * joiner (U+034F, invisible, and itself never reordered) is put after every {@value #LONGEST_RUN}
 * marks in a row, which no language needs: other texts are normalized unchanged.
 */
public final class Unicode {

	static final int LONGEST_RUN = 30;

	private static final char GRAPHEME_JOINER = '\u034F';

	/** U+0300, the first combining mark: no code point below it is one, and most texts are mostly below it. */
	private static final int FIRST_MARK = 0x300;

	private Unicode() {
	}

	/** The text in NFC, its runs of combining marks cut into runs of at most {@value #LONGEST_RUN}. */
	public static String nfc(CharSequence text) {
		return Normalizer.normalize(streamSafe(text), Normalizer.Form.NFC);
	}

	/** Whether {@link #nfc} would give the text back unchanged. */
	static boolean isNfc(String text) {
		return streamSafe(text) == text && Normalizer.isNormalized(text, Normalizer.Form.NFC);
	}

	/** The same in NFD. */
	static String nfd(CharSequence text) {
		return Normalizer.normalize(streamSafe(text), Normalizer.Form.NFD);
	}

	/**
	 * The text with a grapheme joiner before the 31st combining mark of a run. Every character the
	 * normalizer reorders is a combining mark (general category M), so counting those bounds the
	 * runs it sorts.
	 */
	static CharSequence streamSafe(CharSequence text) {
		StringBuilder safe = null;
		int run = 0;
		for (int i = 0; i < text.length();) {
			int c = Character.codePointAt(text, i);
			if (c != GRAPHEME_JOINER && isMark(c)) {
				run++;
				if (run > LONGEST_RUN) {
					if (safe == null) {
						safe = new StringBuilder(text.length() + text.length() / LONGEST_RUN);
						safe.append(text, 0, i);
					}
					safe.append(GRAPHEME_JOINER);
					run = 1;
				}
			}
			else {
				run = 0;
			}
			if (safe != null) {
				safe.appendCodePoint(c);
			}
			i += Character.charCount(c);
		}
		return (safe != null) ? safe : text;
	}

	static boolean isMark(int c) {
		if (c < FIRST_MARK) {
			return false;
		}
		int type = Character.getType(c);
		return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
				|| type == Character.ENCLOSING_MARK;
	}

}
