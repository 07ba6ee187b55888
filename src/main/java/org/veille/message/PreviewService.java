package org.veille.message;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.veille.markup.Hashtag;
import org.veille.markup.MarkupParser;
import org.veille.markup.ParsedMessage;
import org.veille.markup.TagKeys;

/**
 * Reads a text as it is being typed, with the same parser and limits as the write path, in a few
 * queries. The limits other than length are reported with what the text says; the topics of the cited pages
 * are offered as tags ({@link TopicSuggestions}).
 */
@Service
@Transactional(readOnly = true)
class PreviewService {

	/** How many threads citing a link the preview names, the latest first. */
	static final int THREADS_PER_LINK = 5;

	private final JdbcClient jdbc;

	private final MessageSource messages;

	private final TopicSuggestions topics;

	PreviewService(JdbcClient jdbc, MessageSource messages, TopicSuggestions topics) {
		this.jdbc = jdbc;
		this.messages = messages;
		this.topics = topics;
	}

	/** What a text says; its length is within the limit ({@link MessageLimits#checkLength}). */
	Preview preview(String text) {
		ParsedMessage parsed = MarkupParser.parse(text);
		String language = LocaleContextHolder.getLocale().getLanguage();
		List<Preview.Tag> tags = new ArrayList<>();
		for (Hashtag tag : parsed.tags()) {
			tags.add(new Preview.Tag(tag.label(language), "/tag/" + TagKeys.pathOf(tag.key(language))));
		}
		Set<String> known = known(parsed.mentions());
		List<Preview.Mention> mentions = parsed.mentions()
			.stream()
			.map((login) -> new Preview.Mention(login,
					known.contains(login.toLowerCase(Locale.ROOT)) ? "/people/" + login : null))
			.toList();
		Map<String, List<Preview.PostedThread>> posted = postedIn(parsed.urls());
		Map<String, List<Preview.Tag>> offered = this.topics.byUrl(parsed);
		List<Preview.Link> links = parsed.urls()
			.stream()
			.map((url) -> new Preview.Link(url, posted.getOrDefault(url, List.of()), offered.getOrDefault(url, List.of())))
			.toList();
		return new Preview(tags, mentions, links, problemOf(parsed));
	}

	/** The limit other than length that the text goes over, as the form would say it, or null. */
	private @Nullable String problemOf(ParsedMessage parsed) {
		try {
			MessageLimits.checkParsed(parsed);
			return null;
		}
		catch (MessageRejectedException ex) {
			return this.messages.getMessage(ex.messageKey(), ex.arguments(), LocaleContextHolder.getLocale());
		}
	}

	private Set<String> known(List<String> logins) {
		if (logins.isEmpty()) {
			return Set.of();
		}
		return new HashSet<>(this.jdbc.sql("select lower(login) from accounts where lower(login) = any(:logins)")
			.param("logins", logins.stream().map((login) -> login.toLowerCase(Locale.ROOT)).toArray(String[]::new))
			.query(String.class)
			.list());
	}

	/** The latest live threads citing each URL (matched on {@code links.url}). */
	private Map<String, List<Preview.PostedThread>> postedIn(List<String> urls) {
		Map<String, List<Preview.PostedThread>> posted = new LinkedHashMap<>();
		if (urls.isEmpty()) {
			return posted;
		}
		this.jdbc.sql("""
				select l.url, th.id, th.title from links l
				cross join lateral (
				    select t.id, t.title from message_links ml
				    join messages m on m.id = ml.message_id and m.deleted_at is null
				    join messages t on t.id = coalesce(m.thread_id, m.id) and t.deleted_at is null
				    where ml.link_id = l.id
				    group by t.id, t.title order by max(t.created_at) desc, t.id desc limit :limit
				) th
				where l.url = any(:urls)
				""").param("urls", urls.toArray(String[]::new)).param("limit", THREADS_PER_LINK).query((rs) -> {
			posted.computeIfAbsent(rs.getString(1), (url) -> new ArrayList<>())
				.add(new Preview.PostedThread(rs.getString(3), "/messages/" + rs.getLong(2)));
		});
		return posted;
	}

}
