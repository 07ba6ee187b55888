package org.veille.link.fetch;

import java.net.URI;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IllformedLocaleException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jspecify.annotations.Nullable;

import org.veille.outbound.LenientUris;

/**
 * Reads what a parsed page says about itself: Open Graph first, then Twitter cards, then plain HTML. URLs are made
 * absolute against the document's base URI (the final URL, or its {@code <base href>}); only http(s) ones are kept.
 * The topics it declares are read by {@link PageTopics}.
 */
public final class MetadataExtractor {

	private static final int MAX_URL = 2048;
	private static final int MAX_LANGUAGE = 35;
	private static final List<String> TITLE_KEYS = List.of("og:title", "twitter:title");
	private static final List<String> DESCRIPTION_KEYS =
			List.of("og:description", "twitter:description", "description");
	private static final List<String> IMAGE_KEYS =
			List.of("og:image", "og:image:url", "og:image:secure_url", "twitter:image", "twitter:image:src");
	private static final Set<String> ICON_RELS = Set.of("icon", "apple-touch-icon", "apple-touch-icon-precomposed");

	/**
	 * @param document the page, parsed with the final URL as base URI
	 * @param pageUri the final URL, whose origin gives the default favicon
	 * @param contentLanguage the {@code Content-Language} header, the language of last resort
	 */
	public PageMetadata extract(Document document, URI pageUri, @Nullable String contentLanguage) {
		Map<String, Element> metas = metasByKey(document);
		return new PageMetadata(
				title(document, metas),
				firstText(metas, DESCRIPTION_KEYS, PageMetadata.MAX_DESCRIPTION),
				firstUrl(metas, IMAGE_KEYS),
				firstText(metas, List.of("og:site_name"), PageMetadata.MAX_SITE_NAME),
				canonical(document, metas),
				language(document, metas, contentLanguage),
				favicon(document, pageUri),
				PageTopics.of(document, metas));
	}

	/** The first non-blank {@code <meta>} of each {@code property} or {@code name}, keys in lower case. */
	private static Map<String, Element> metasByKey(Document document) {
		Map<String, Element> metas = new HashMap<>();
		for (Element meta : document.select("meta[content]")) {
			if (meta.attr("content").isBlank()) {
				continue;
			}
			for (String attribute : List.of("property", "name")) {
				String key = meta.attr(attribute).strip().toLowerCase(Locale.ROOT);
				if (!key.isEmpty()) {
					metas.putIfAbsent(key, meta);
				}
			}
		}
		return metas;
	}

	private static @Nullable String title(Document document, Map<String, Element> metas) {
		String title = firstText(metas, TITLE_KEYS, PageMetadata.MAX_TITLE);
		if (title != null) {
			return title;
		}
		return document.select("title").stream()
				.filter(element -> element.parents().stream().noneMatch(parent -> parent.nameIs("svg")))
				.map(element -> CleanText.clean(element.text(), PageMetadata.MAX_TITLE))
				.filter(text -> text != null)
				.findFirst()
				.orElse(null);
	}

	private static @Nullable URI canonical(Document document, Map<String, Element> metas) {
		for (Element link : document.select("link[rel][href]")) {
			if (relTokens(link).contains("canonical")) {
				URI uri = httpUrl(link.absUrl("href"));
				if (uri != null) {
					return uri;
				}
			}
		}
		return firstUrl(metas, List.of("og:url"));
	}

	private static URI favicon(Document document, URI pageUri) {
		for (Element link : document.select("link[rel][href]")) {
			if (relTokens(link).stream().anyMatch(ICON_RELS::contains)) {
				URI uri = httpUrl(link.absUrl("href"));
				if (uri != null) {
					return uri;
				}
			}
		}
		return pageUri.resolve("/favicon.ico");
	}

	private static @Nullable String language(Document document, Map<String, Element> metas,
			@Nullable String contentLanguage) {
		Element html = document.selectFirst("html");
		Element locale = metas.get("og:locale");
		return Stream.of(
						html == null ? null : html.attr("lang"),
						locale == null ? null : locale.attr("content"),
						contentLanguage == null ? null : contentLanguage.split(",")[0])
				.map(MetadataExtractor::languageTag)
				.flatMap(Optional::stream)
				.findFirst()
				.orElse(null);
	}

	private static Optional<String> languageTag(@Nullable String value) {
		if (value == null || value.isBlank() || value.length() > MAX_LANGUAGE) {
			return Optional.empty();
		}
		try {
			String tag = new Locale.Builder().setLanguageTag(value.strip().replace('_', '-')).build().toLanguageTag();
			return tag.equals("und") ? Optional.empty() : Optional.of(tag);
		}
		catch (IllformedLocaleException ex) {
			return Optional.empty();
		}
	}

	private static @Nullable String firstText(Map<String, Element> metas, List<String> keys, int maxLength) {
		for (String key : keys) {
			Element meta = metas.get(key);
			String text = meta == null ? null : CleanText.clean(meta.attr("content"), maxLength);
			if (text != null) {
				return text;
			}
		}
		return null;
	}

	private static @Nullable URI firstUrl(Map<String, Element> metas, List<String> keys) {
		for (String key : keys) {
			Element meta = metas.get(key);
			URI uri = meta == null ? null : httpUrl(meta.absUrl("content"));
			if (uri != null) {
				return uri;
			}
		}
		return null;
	}

	private static @Nullable URI httpUrl(String absolute) {
		if (absolute.isEmpty() || absolute.length() > MAX_URL) {
			return null;
		}
		return LenientUris.parseHttp(absolute);
	}

	private static List<String> relTokens(Element link) {
		return Arrays.asList(link.attr("rel").strip().toLowerCase(Locale.ROOT).split("\\s+"));
	}
}
