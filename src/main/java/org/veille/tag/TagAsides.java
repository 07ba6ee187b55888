package org.veille.tag;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import org.veille.web.Fragments;
import org.veille.web.HeapShare;
import org.veille.web.RenderedParts;

/**
 * A tag page's side panel (children, related tags, tags starting alike: some 40 links, each with a count in
 * words) rendered once per version of what it shows and language, instead of by the template at every first
 * render of the page (issue 16). As with cards ({@code thread.Cards}), the version is the data itself: the links
 * come from the database (kept by {@link TagQueries#neighbours} until announced changed), so a changed count, a
 * new child or a new spelling gives another key, on every instance alike, and nothing here is dropped by hand.
 * Templates call {@code ${@tagAsides.html(neighbours)}}.
 */
@Component("tagAsides")
public class TagAsides {

	/** The fragment of fragments/tag-list.html rendered here. */
	private static final String ASIDE = "aside";

	/** A 128th of the heap (4 MB of 512) of HTML, two bytes a character at worst: a thousand tags' panels or so. */
	private static final long MAX_WEIGHT = HeapShare.of(128);

	private final RenderedParts<AsideKey> rendered = new RenderedParts<>(MAX_WEIGHT, AsideKey::weight);

	private final Fragments fragments;

	TagAsides(Fragments fragments) {
		this.fragments = fragments;
	}

	/** The side panel showing these neighbours, as HTML ready to insert. */
	public String html(TagNeighbours neighbours) {
		Locale locale = LocaleContextHolder.getLocale();
		AsideKey key = new AsideKey(locale.getLanguage(), neighbours.children(), neighbours.related(),
				neighbours.startingAlike());
		return this.rendered.get(key, (missing) -> this.fragments.render("fragments/tag-list", ASIDE,
				Map.of("neighbours", neighbours), locale));
	}

	long hits() {
		return this.rendered.hits();
	}

	long misses() {
		return this.rendered.misses();
	}

	/** What the panel shows (the parents are part of the page's heading, not of the panel) and in which language. */
	private record AsideKey(String language, List<TagLink> children, List<TagLink> related, List<TagLink> alike) {

		int weight() {
			return 256 + (TagNeighbours.characters(this.children) + TagNeighbours.characters(this.related)
					+ TagNeighbours.characters(this.alike)) * 2;
		}

	}

}
