package org.veille.message;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.veille.link.LinkService;
import org.veille.markup.MarkupParser;
import org.veille.markup.ParsedMessage;
import org.veille.markup.TagKeys;

/**
 * The tags offered to a poster from the pages a text cites (issue 15): the topics each fetched page declares, minus
 * those the text tags already, each spelled as the tag already used most spells it. Offered only: a thread
 * carries a tag once someone types it.
 */
@Service
@Transactional(readOnly = true)
class TopicSuggestions {

	private final LinkService links;

	private final JdbcClient jdbc;

	TopicSuggestions(LinkService links, JdbcClient jdbc) {
		this.links = links;
		this.jdbc = jdbc;
	}

	/** For each URL of the text whose page declares topics, those not tagged yet; in the order of the URLs. */
	Map<String, List<Preview.Tag>> byUrl(ParsedMessage parsed) {
		Map<String, List<String>> declared = this.links.topicsOf(parsed.urls());
		if (declared.isEmpty()) {
			return Map.of();
		}
		Set<String> tagged = new LinkedHashSet<>();
		parsed.filedTags().forEach((tag) -> tagged.add(tag.key()));
		Map<String, String> spellings = spellings(declared);
		Map<String, List<Preview.Tag>> offered = new LinkedHashMap<>();
		declared.forEach((url, topics) -> {
			List<Preview.Tag> tags = new ArrayList<>();
			for (String topic : topics) {
				String key = TagKeys.fold(topic);
				if (!tagged.contains(key)) {
					tags.add(new Preview.Tag(spellings.getOrDefault(key, topic), "/tag/" + TagKeys.pathOf(key)));
				}
			}
			if (!tags.isEmpty()) {
				offered.put(url, tags);
			}
		});
		return offered;
	}

	/** The topics of every page the text cites, once each: what a form shows without script. */
	List<Preview.Tag> of(String text) {
		Map<String, Preview.Tag> distinct = new LinkedHashMap<>();
		byUrl(MarkupParser.parse(text)).values()
			.forEach((tags) -> tags.forEach((tag) -> distinct.putIfAbsent(tag.path(), tag)));
		return List.copyOf(distinct.values());
	}

	/** The display form of the topics that are tags already: the spelling most used. */
	private Map<String, String> spellings(Map<String, List<String>> declared) {
		String[] keys = declared.values().stream().flatMap(List::stream).map(TagKeys::fold).distinct()
			.toArray(String[]::new);
		Map<String, String> spellings = new LinkedHashMap<>();
		this.jdbc.sql("select key, display from tags where key = any(:keys)").param("keys", keys).query((rs) -> {
			spellings.put(rs.getString(1), rs.getString(2));
		});
		return spellings;
	}

}
