package org.veille.markup;

import java.util.Locale;
import java.util.Map;

import org.veille.text.PercentEncoding;

/**
 * The identity of tags (DESIGN §4) and the URL path of their pages.
 */
public final class TagKeys {

	// RFC 3986 pchar less '%', plus '/' for the hierarchy; '$' and '*' are left out because the
	// tag routes give them a meaning (/tag/{key}$, /tag/{key}*), and ';' because servers cut
	// matrix parameters at it.
	private static final String PATH_SAFE = "-._~!&'()+,=:@/";

	private TagKeys() {
	}

	/**
	 * The key of a tag: its display form in NFC, typographic apostrophes {@code ‘ ’} turned into
	 * {@code '} and {@code –} into {@code -}, lower-cased with {@link Locale#ROOT}, without the
	 * accents of Latin letters ({@code Santé} gives {@code sante}; {@code й} and Greek accents
	 * stay). A multilingual form {@code [fr]Étiquette[en]Label} has no key of its own: a message is
	 * filed under the key of each variant (see {@link Hashtag#filedUnder()}), and the form folds to
	 * the key of its first one, {@code etiquette}. So the keys that Veille gave such tags before
	 * (all variants, sorted by language: {@code [en]label[fr]etiquette}) lead to a variant's page.
	 */
	public static String fold(String display) {
		String normalized = Unicode.nfc(display);
		Map<String, String> variants = HashtagScanner.variantsOf(normalized);
		return foldLabel(variants.isEmpty() ? normalized : variants.values().iterator().next());
	}

	/**
	 * The path of a tag's page below {@code /tag/}: the key percent-encoded as UTF-8, with
	 * {@code /} kept so that {@code 2026/11} stays a child of {@code 2026}.
	 */
	public static String pathOf(String key) {
		return PercentEncoding.encode(key, (c) -> PercentEncoding.isAsciiAlphanumeric(c) || (c < 128 && PATH_SAFE.indexOf(c) >= 0),
				false);
	}

	private static String foldLabel(String label) {
		String lower = label.replace('‘', '\'').replace('’', '\'').replace('–', '-').toLowerCase(Locale.ROOT);
		String decomposed = Unicode.nfd(lower);
		StringBuilder folded = new StringBuilder(decomposed.length());
		boolean afterLatin = false;
		for (int i = 0; i < decomposed.length();) {
			int c = decomposed.codePointAt(i);
			i += Character.charCount(c);
			if (!Unicode.isMark(c)) {
				afterLatin = Character.UnicodeScript.of(c) == Character.UnicodeScript.LATIN;
				folded.appendCodePoint(c);
			}
			else if (!afterLatin) {
				folded.appendCodePoint(c);
			}
		}
		return Unicode.nfc(folded);
	}


}
