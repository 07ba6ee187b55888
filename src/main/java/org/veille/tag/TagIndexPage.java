package org.veille.tag;

import java.util.List;

import org.jspecify.annotations.Nullable;

/** A page of the tag index, most used first, with the keyset token of the next page (null: none). */
public record TagIndexPage(List<TagLink> tags, @Nullable String nextToken) {
}
