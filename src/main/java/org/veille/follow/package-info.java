/**
 * Follows (of people, tags and sites) and blocks: who sees what in their home stream and alerts.
 */
@NullMarked
package org.veille.follow;

import org.jspecify.annotations.NullMarked;
