/**
 * Moving data in and out: the import and export pages and services around the pure core in transfer.format.
 */
@NullMarked
package org.veille.transfer;

import org.jspecify.annotations.NullMarked;
