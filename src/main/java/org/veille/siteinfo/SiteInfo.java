package org.veille.siteinfo;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The site's name and a sentence that says what it is about (may be empty).
 */
public record SiteInfo(String name, String description) {

	public static final int MAX_NAME = 60;

	public static final int MAX_DESCRIPTION = 300;

	/** A fresh instance's, until its administrators choose. */
	public static final SiteInfo DEFAULT = new SiteInfo("Veille", "");

	/** Line breaks and tabs become spaces. */
	private static final Pattern WHITESPACE = Pattern.compile("\\s+");

	/**
	 * Other control and format characters (such as a right-to-left override that would turn the name around)
	 * have no place in a title; the zero-width joiner stays, for emoji sequences.
	 */
	private static final Pattern INVISIBLE = Pattern.compile("[[\\p{Cc}\\p{Cf}\\p{Co}\\p{Cs}\\p{Cn}]&&[^\\u200D]]");

	/**
	 * What is wrong with a name and description typed in the admin form, as a message key, or empty when they
	 * can be kept as {@link #of(String, String)} cleans them.
	 */
	public static Optional<String> problem(String name, String description) {
		String cleanName = clean(name);
		if (cleanName.isEmpty()) {
			return Optional.of("admin.site.name.blank");
		}
		if (cleanName.codePointCount(0, cleanName.length()) > MAX_NAME) {
			return Optional.of("admin.site.name.long");
		}
		String cleanDescription = clean(description);
		if (cleanDescription.codePointCount(0, cleanDescription.length()) > MAX_DESCRIPTION) {
			return Optional.of("admin.site.description.long");
		}
		return Optional.empty();
	}

	/** The name and description with runs of white space made one space and invisible characters removed. */
	public static SiteInfo of(String name, String description) {
		return new SiteInfo(clean(name), clean(description));
	}

	private static String clean(String text) {
		String visible = INVISIBLE.matcher(WHITESPACE.matcher(text).replaceAll(" ")).replaceAll("");
		return visible.strip();
	}

}
