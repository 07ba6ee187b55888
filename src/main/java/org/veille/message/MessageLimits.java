package org.veille.message;

import java.util.Collection;
import java.util.List;
import java.util.function.Function;

import org.veille.markup.Hashtag;
import org.veille.markup.MarkupParser;
import org.veille.markup.ParsedMessage;

/**
 * The size limits of a message (DESIGN §8). Going over one is an error the poster sees; nothing is
 * ever cut silently. The length of the text is checked before it is parsed, on every path that
 * writes a message (forms, API, import) and in the preview.
 */
final class MessageLimits {

	/** In characters (code points) of the text as stored, {@link MarkupParser#normalize normalized}. */
	static final int MAX_CHARACTERS = 20_000;

	/** Tags a message is filed under, each language of a multilingual tag counted. */
	static final int MAX_TAGS = 50;

	/** For a tag, and for each language of a multilingual one. */
	static final int MAX_TAG_CHARACTERS = 100;

	static final int MAX_TAG_LANGUAGES = 8;

	static final int MAX_URLS = 20;

	/** Longer URLs do not fit in a B-tree index entry; no real page needs one. */
	static final int MAX_URL_CHARACTERS = 2_000;

	private MessageLimits() {
	}

	/**
	 * The message this text says, once it is within every limit: its length first, then what
	 * parsing finds.
	 * @throws MessageRejectedException over a limit
	 */
	static ParsedMessage parse(String rawText) {
		return parse(rawText, MarkupParser::parse);
	}

	/** The same with the parser given, so that a test can see it is not called for a text too long. */
	static ParsedMessage parse(String rawText, Function<String, ParsedMessage> parser) {
		ParsedMessage parsed = parser.apply(checkLength(rawText));
		checkParsed(parsed);
		return parsed;
	}

	/**
	 * The text as stored, if it is not blank and within {@value #MAX_CHARACTERS} characters.
	 * Normalizing reads each character once; parsing would read it several times.
	 */
	static String checkLength(String rawText) {
		String text = MarkupParser.normalize(rawText);
		if (text.isBlank()) {
			throw new MessageRejectedException("post.text.required");
		}
		int characters = text.codePointCount(0, text.length());
		if (characters > MAX_CHARACTERS) {
			throw new MessageRejectedException("post.text.too-long", characters, MAX_CHARACTERS);
		}
		return text;
	}

	/** Checks what parsing found: tags, their languages and lengths, links. */
	static void checkParsed(ParsedMessage parsed) {
		for (Hashtag tag : parsed.tags()) {
			if (tag.variants().size() > MAX_TAG_LANGUAGES) {
				throw new MessageRejectedException("post.tags.too-many-languages", shorten(tag.display()),
						tag.variants().size(), MAX_TAG_LANGUAGES);
			}
			for (String label : labels(tag)) {
				if (label.codePointCount(0, label.length()) > MAX_TAG_CHARACTERS) {
					throw new MessageRejectedException("post.tags.too-long", shorten(label), MAX_TAG_CHARACTERS);
				}
			}
		}
		int tags = parsed.filedTags().size();
		if (tags > MAX_TAGS) {
			throw new MessageRejectedException("post.tags.too-many", tags, MAX_TAGS);
		}
		if (parsed.urls().size() > MAX_URLS) {
			throw new MessageRejectedException("post.urls.too-many", parsed.urls().size(), MAX_URLS);
		}
		for (String url : parsed.urls()) {
			if (url.length() > MAX_URL_CHARACTERS) {
				throw new MessageRejectedException("post.urls.too-long", shorten(url), MAX_URL_CHARACTERS);
			}
		}
	}

	/** What the limit of a tag's length applies to: its body, or the label of each of its languages. */
	private static Collection<String> labels(Hashtag tag) {
		return tag.variants().isEmpty() ? List.of(tag.display()) : tag.variants().values();
	}

	private static String shorten(String text) {
		return (text.codePointCount(0, text.length()) > 40) ? text.substring(0, text.offsetByCodePoints(0, 40)) + "…"
				: text;
	}

}
