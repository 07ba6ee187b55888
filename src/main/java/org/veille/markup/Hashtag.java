package org.veille.markup;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A hashtag as typed in a message.
 *
 * @param display the tag body as typed, without the {@code #}, for example {@code Santé} or
 * {@code [fr]Étiquette_française[en]English_label}
 * @param key the identity of the tag, {@link TagKeys#fold(String)} of the display form
 * @param variants for the multilingual form, the label of each language (lower-case code) in the
 * order typed; empty otherwise
 */
public record Hashtag(String display, String key, Map<String, String> variants) {

	public Hashtag {
		variants = Collections.unmodifiableMap(new LinkedHashMap<>(variants));
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

}
