package org.veille.link.fetch;

import java.net.URI;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * What a page says about itself, cleaned: whitespace collapsed, lengths capped, URLs absolute and http(s) only.
 *
 * @param title {@code og:title}, {@code twitter:title} or {@code <title>}, at most {@value #MAX_TITLE} characters
 * @param description {@code og:description}, {@code twitter:description} or the meta description, at most
 *     {@value #MAX_DESCRIPTION} characters
 * @param imageUrl {@code og:image} or {@code twitter:image}
 * @param siteName {@code og:site_name}
 * @param canonicalUrl {@code <link rel="canonical">} or {@code og:url}
 * @param language a BCP 47 tag from {@code <html lang>}, {@code og:locale} or {@code Content-Language}
 * @param faviconUrl the declared icon, else {@code /favicon.ico} of the page's origin
 * @param topics the keywords the page declares, as tag display forms ({@code changement_climatique}), at most five,
 *     one per tag key: to offer the poster, never a thread's tags by themselves
 */
public record PageMetadata(
		@Nullable String title,
		@Nullable String description,
		@Nullable URI imageUrl,
		@Nullable String siteName,
		@Nullable URI canonicalUrl,
		@Nullable String language,
		URI faviconUrl,
		List<String> topics) {

	public static final int MAX_TITLE = 300;
	public static final int MAX_DESCRIPTION = 1000;
	public static final int MAX_SITE_NAME = 200;

	public PageMetadata {
		Objects.requireNonNull(faviconUrl, "faviconUrl");
		topics = List.copyOf(topics);
	}

	/** What a page says without declaring topics. */
	public PageMetadata(@Nullable String title, @Nullable String description, @Nullable URI imageUrl,
			@Nullable String siteName, @Nullable URI canonicalUrl, @Nullable String language, URI faviconUrl) {
		this(title, description, imageUrl, siteName, canonicalUrl, language, faviconUrl, List.of());
	}
}
