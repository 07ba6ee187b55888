/**
 * Atom 1.0 feeds of thread lists, built with Rome, answering conditional GETs.
 */
@NullMarked
package org.veille.feed;

import org.jspecify.annotations.NullMarked;
