package org.veille.search;

import java.util.List;

import org.veille.tag.TagLink;
import org.veille.thread.ThreadPage;

/** One page of results, each with why it matched, and the tags proposed beside them. */
public record SearchResults(ThreadPage page, List<SearchResult> results, List<TagLink> tags) {
}
