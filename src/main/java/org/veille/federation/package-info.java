/**
 * ActivityPub as Mastodon speaks it (docs/federation.md): discovery (WebFinger, host-meta, NodeInfo), people and
 * tags as actors, messages as notes, signed inbox and deliveries. Reads the lower packages' tables; nothing below
 * calls it.
 */
@NullMarked
package org.veille.federation;

import org.jspecify.annotations.NullMarked;
