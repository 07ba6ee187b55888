package org.veille.search;

import java.util.List;

import org.veille.tag.TagLink;
import org.veille.thread.ThreadPage;

/** One page of results and the tags proposed above them. */
public record SearchResults(ThreadPage page, List<TagLink> tags) {
}
