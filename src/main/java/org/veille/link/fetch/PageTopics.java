package org.veille.link.fetch;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.veille.markup.Hashtag;

/**
 * The topics a page declares about itself, made into tags Veille would read (issue 15): {@code article:tag}
 * elements, then {@code news_keywords}, then the {@code keywords} of its JSON-LD, and the {@code keywords} meta
 * only when none of those gave one. Each candidate loses any markup and invisible character, its blanks become
 * {@code _}, and it is kept only if it reads as one tag; spellings of a tag already kept are dropped. At most
 * {@link #CANDIDATES} candidates are read and {@link #KEPT} kept, whatever the page declares.
 */
final class PageTopics {

	static final int CANDIDATES = 50;

	static final int KEPT = 5;

	/** The longest tag a message may hold (DESIGN §8). */
	static final int LONGEST = 100;

	/** Longer JSON-LD scripts are not parsed. */
	private static final int LONGEST_JSON_LD = 100_000;

	private static final Pattern LIST_SEPARATOR = Pattern.compile("[,;]");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final Map<String, String> kept = new LinkedHashMap<>();

	private int read;

	private PageTopics() {
	}

	static List<String> of(Document document, Map<String, Element> metas) {
		PageTopics topics = new PageTopics();
		for (Element tag : document.select("meta[property=article:tag], meta[name=article:tag]")) {
			topics.offer(tag.attr("content"));
		}
		Element news = metas.get("news_keywords");
		if (news != null) {
			topics.offerList(news.attr("content"));
		}
		for (Element script : document.select("script[type=application/ld+json]")) {
			topics.offerJsonLd(script.data());
		}
		Element keywords = metas.get("keywords");
		if (topics.kept.isEmpty() && keywords != null) {
			topics.offerList(keywords.attr("content"));
		}
		return List.copyOf(topics.kept.values());
	}

	private boolean isFull() {
		return this.read >= CANDIDATES || this.kept.size() >= KEPT;
	}

	private void offerList(String list) {
		for (String candidate : LIST_SEPARATOR.split(list, CANDIDATES + 1)) {
			if (isFull()) {
				return;
			}
			offer(candidate);
		}
	}

	private void offer(String candidate) {
		if (isFull()) {
			return;
		}
		this.read++;
		String text = CleanText.clean(candidate.indexOf('<') >= 0 ? Jsoup.parseBodyFragment(candidate).text() : candidate,
				LONGEST + 1);
		Hashtag tag = (text != null) ? Hashtag.fromWords(text, LONGEST) : null;
		if (tag != null) {
			this.kept.putIfAbsent(tag.key(), tag.display());
		}
	}

	private void offerJsonLd(String script) {
		if (isFull() || script.length() > LONGEST_JSON_LD) {
			return;
		}
		try {
			offerKeywordsOf(JSON.readTree(script), 0);
		}
		catch (JacksonException ex) {
			// A page's broken JSON-LD says nothing.
		}
	}

	/** The keywords of the node, of the items of an array, and of the nodes of an {@code @graph}, not deeper. */
	private void offerKeywordsOf(JsonNode node, int depth) {
		if (depth > 2 || isFull()) {
			return;
		}
		if (node.isArray()) {
			for (JsonNode item : node) {
				offerKeywordsOf(item, depth + 1);
			}
			return;
		}
		if (!node.isObject()) {
			return;
		}
		JsonNode keywords = node.get("keywords");
		if (keywords != null && keywords.isString()) {
			offerList(keywords.asString());
		}
		else if (keywords != null && keywords.isArray()) {
			List<String> words = new ArrayList<>();
			for (JsonNode word : keywords) {
				if (word.isString() && words.size() < CANDIDATES) {
					words.add(word.asString());
				}
			}
			words.forEach(this::offer);
		}
		JsonNode graph = node.get("@graph");
		if (graph != null) {
			offerKeywordsOf(graph, depth + 1);
		}
	}

}
