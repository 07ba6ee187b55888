/**
 * Search (DESIGN §5): one full-text document per thread, the query language, the search page and feed.
 */
@NullMarked
package org.veille.search;

import org.jspecify.annotations.NullMarked;
