/**
 * Parses and renders message markup: titles, hashtags, @mentions, links, quotes and inline styles.
 */
@NullMarked
package org.veille.markup;

import org.jspecify.annotations.NullMarked;
