/**
 * How bytes from elsewhere become text: the one place that tells which charset a fetched page or an imported file
 * is written in, reading labels the way browsers do.
 */
@NullMarked
package org.veille.charset;

import org.jspecify.annotations.NullMarked;
