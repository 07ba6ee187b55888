/**
 * The posting API, compatible with Seenthis's Atom API: Atom entries in, Atom entries and feeds out.
 */
@NullMarked
package org.veille.api;

import org.jspecify.annotations.NullMarked;
