package org.veille.thread;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.springframework.stereotype.Component;

import org.veille.markup.HtmlRenderer;
import org.veille.markup.MarkupParser;
import org.veille.markup.RenderOptions;
import org.veille.markup.RenderedMessage;
import org.veille.web.HeapShare;

/**
 * Messages' texts rendered once and kept, instead of parsed and rendered at every view: the markup was over
 * half of a tag page's first render. An entry is keyed by what the rendering reads, the text itself (so an
 * edit is a new key, whatever the clock says), the reader's language, which of the people the text
 * mentions have an account (a mention links only to a real person, who may sign up later) and whether search
 * engines may follow its links (its author's account is old enough). Bounded by weight.
 */
@Component
class RenderedBodies {

	/**
	 * A sixteenth of the heap (32 MB of 512): a text and its HTML, two bytes a character at worst, for twenty
	 * thousand short messages or so.
	 */
	static final long MAX_WEIGHT = HeapShare.of(16);

	private final Cache<String, List<String>> mentions = Caffeine.newBuilder()
		.maximumWeight(MAX_WEIGHT / 4)
		.<String, List<String>>weigher((text, logins) -> 64 + text.length() * 2 + logins.size() * 48)
		.build();

	private final Cache<RenderKey, RenderedMessage> rendered = Caffeine.newBuilder()
		.maximumWeight(MAX_WEIGHT)
		.<RenderKey, RenderedMessage>weigher((key, message) -> key.weight() + message.html().length() * 2
				+ message.linkedTags().size() * 64)
		.build();

	/** The lower-cased logins a text mentions, parsed once per text. */
	List<String> mentions(String text) {
		if (text.indexOf('@') < 0) {
			// Most texts mention no one: not parsed, nor kept, for that (issue 16).
			return List.of();
		}
		return this.mentions.get(text, (key) -> MarkupParser.parse(key)
			.mentions()
			.stream()
			.map((login) -> login.toLowerCase(Locale.ROOT))
			.distinct()
			.toList());
	}

	/**
	 * The text rendered for a reader of this language, given the logins (lower case) that have an account, and
	 * whether its links may be followed.
	 */
	RenderedMessage render(String text, String language, Set<String> knownLogins, boolean followLinks) {
		Set<String> known = new TreeSet<>();
		for (String login : mentions(text)) {
			if (knownLogins.contains(login)) {
				known.add(login);
			}
		}
		return this.rendered.get(new RenderKey(text, language, Set.copyOf(known), followLinks), render());
	}

	private static Function<RenderKey, RenderedMessage> render() {
		return (key) -> HtmlRenderer.renderShowing(key.text(),
				new RenderOptions(key.language(), (login) -> key.knownLogins().contains(login.toLowerCase(Locale.ROOT)),
						key.followLinks()));
	}

	private record RenderKey(String text, String language, Set<String> knownLogins, boolean followLinks) {

		int weight() {
			return 96 + this.text.length() * 2 + this.knownLogins.size() * 48;
		}

	}

}
