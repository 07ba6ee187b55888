/**
 * Moving in and out: the import and export pages and services around the pure core of org.veille.transfer.
 */
@NullMarked
package org.veille.transfer;

import org.jspecify.annotations.NullMarked;
