package org.veille.markup;

import java.util.function.Predicate;

/**
 * How to render a message for one reader.
 *
 * @param language the reader's language, which picks the label of multilingual tags
 * @param knownLogin whether an account has this login: only those mentions become links
 */
public record RenderOptions(String language, Predicate<String> knownLogin) {

	/** Options that link no mention. */
	public static RenderOptions of(String language) {
		return new RenderOptions(language, (login) -> false);
	}

}
