package org.veille.blogfeed;

import org.jspecify.annotations.Nullable;

/** The address of a feed to add, as typed. */
record FeedForm(@Nullable String url) {
}
