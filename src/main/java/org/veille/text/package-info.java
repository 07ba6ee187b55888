/**
 * Rules on plain text that every input and output path shares, without depending on any feature.
 */
@NullMarked
package org.veille.text;

import org.jspecify.annotations.NullMarked;
