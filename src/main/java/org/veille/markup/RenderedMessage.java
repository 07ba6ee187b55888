package org.veille.markup;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * A message rendered for one reader.
 *
 * @param html safe HTML, see {@link HtmlRenderer}
 * @param linkedTags the keys of the tags the text links to, in the reader's language (for a multilingual tag,
 * the key of the label shown), in the order they first appear
 */
public record RenderedMessage(String html, Set<String> linkedTags) {

	public RenderedMessage {
		linkedTags = Collections.unmodifiableSet(new LinkedHashSet<>(linkedTags));
	}

}
