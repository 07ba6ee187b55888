package org.veille.markup;

import java.util.function.Function;
import java.util.function.Predicate;

import org.jspecify.annotations.Nullable;

/**
 * How to render a message for one reader.
 *
 * @param language the reader's language, which picks the label of multilingual tags
 * @param knownLogin whether an account has this login: only those mentions become links
 * @param followLinks whether search engines may follow the message's links: only for authors whose account is
 * older than {@code veille.limits.new-account-age}; links of newer accounts carry {@code rel="nofollow"}, so
 * that an account made to spam links gains nothing from them
 * @param remoteProfile the profile page of someone elsewhere, by handle {@code user@host} as typed, when it is
 * known: only those mentions become links
 */
public record RenderOptions(String language, Predicate<String> knownLogin, boolean followLinks,
		Function<String, @Nullable String> remoteProfile) {

	/** Options linking no mention of someone elsewhere. */
	public RenderOptions(String language, Predicate<String> knownLogin, boolean followLinks) {
		this(language, knownLogin, followLinks, (handle) -> null);
	}

	/** Options whose links are not followed. */
	public RenderOptions(String language, Predicate<String> knownLogin) {
		this(language, knownLogin, false);
	}

	/** The same options for a message whose links may (or may not) be followed. */
	public RenderOptions followingLinks(boolean follow) {
		return (follow == this.followLinks) ? this
				: new RenderOptions(this.language, this.knownLogin, follow, this.remoteProfile);
	}

	/** The same options, linking the mentions of people elsewhere whose profile is known. */
	public RenderOptions withRemoteProfiles(Function<String, @Nullable String> profiles) {
		return new RenderOptions(this.language, this.knownLogin, this.followLinks, profiles);
	}

	/** Options that link no mention. */
	public static RenderOptions of(String language) {
		return new RenderOptions(language, (login) -> false);
	}

}
