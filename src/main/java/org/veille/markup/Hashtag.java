package org.veille.markup;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * A hashtag as typed in a message.
 *
 * @param display the tag body as typed, without the {@code #}, for example {@code Santé} or
 * {@code [fr]Étiquette_française[en]English_label}
 * @param key the identity of the tag, {@link TagKeys#fold(String)} of the display form: for the
 * multilingual form, the key of its first variant
 * @param variants for the multilingual form, the label of each language (lower-case code) in the
 * order typed; empty otherwise
 */
public record Hashtag(String display, String key, Map<String, String> variants) {

	public Hashtag {
		variants = variants.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(variants));
	}

	private static final Pattern BLANKS = Pattern.compile("[\\s\\p{Z}]+");

	/**
	 * The plain hashtag that words from elsewhere make (a page's keywords, to offer as a tag): blanks become
	 * {@code _} and leading {@code #} go; null unless the result reads whole as one tag body, as the parser
	 * reads a typed one, of at most {@code maxLength} characters. {@code changement climatique} gives
	 * {@code changement_climatique}; {@code U.S.} and {@code <b>} give nothing.
	 */
	public static @Nullable Hashtag fromWords(String words, int maxLength) {
		String body = BLANKS.matcher(Unicode.nfc(words).strip()).replaceAll("_");
		int start = 0;
		while (start < body.length() && body.charAt(start) == '#') {
			start++;
		}
		body = body.substring(start);
		if (body.isEmpty() || body.charAt(0) == '[' || body.codePointCount(0, body.length()) > maxLength
				|| HashtagScanner.bodyEnd(body, 0, body.length()) != body.length()) {
			return null;
		}
		return new Hashtag(body, TagKeys.fold(body), Map.of());
	}

	/** The hashtag whose body is {@code display}, multilingual or not. */
	public static Hashtag of(String display) {
		return new Hashtag(display, TagKeys.fold(display), HashtagScanner.variantsOf(display));
	}

	/**
	 * The label to show a reader of {@code language} (such as {@code fr} or {@code fr-CA}): that
	 * variant, else the variant of its primary language, else the first variant, else the
	 * display form.
	 */
	public String label(String language) {
		if (this.variants.isEmpty()) {
			return this.display;
		}
		String wanted = language.toLowerCase(Locale.ROOT).replace('_', '-');
		String label = this.variants.get(wanted);
		if (label == null && wanted.indexOf('-') > 0) {
			label = this.variants.get(wanted.substring(0, wanted.indexOf('-')));
		}
		return (label != null) ? label : this.variants.values().iterator().next();
	}

	/** The key of {@link #label(String) the label} a reader of {@code language} sees: the page a link leads to. */
	public String key(String language) {
		return this.variants.isEmpty() ? this.key : TagKeys.fold(label(language));
	}

	/**
	 * The tags a message holding this hashtag is filed under: the hashtag itself, or for the
	 * multilingual form one plain tag per variant, in the order typed, two variants of one key
	 * counted once ({@code [en]GDPR[nl]GDPR}).
	 */
	public List<Hashtag> filedUnder() {
		if (this.variants.isEmpty()) {
			return List.of(this);
		}
		Set<String> keys = new LinkedHashSet<>();
		List<Hashtag> tags = new ArrayList<>(this.variants.size());
		for (String label : this.variants.values()) {
			Hashtag tag = new Hashtag(label, TagKeys.fold(label), Map.of());
			if (keys.add(tag.key())) {
				tags.add(tag);
			}
		}
		return List.copyOf(tags);
	}

}
