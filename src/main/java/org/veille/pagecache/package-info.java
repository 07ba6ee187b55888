/**
 * Rendered pages kept in memory and served again until the data they show changes (docs/architecture.md).
 */
@NullMarked
package org.veille.pagecache;

import org.jspecify.annotations.NullMarked;
