package org.veille.tag;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * What a tag feed's conditional GET needs: the tag's display name, null when only its descendants or
 * tags starting alike exist, and when the tags the path names last changed.
 */
record TagStamp(@Nullable String display, Instant lastChange) {
}
