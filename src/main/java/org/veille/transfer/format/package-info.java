/**
 * The pure core of transfer: streaming readers of bookmark files (Netscape HTML, Pinboard JSON, Seenthis XML) and
 * streaming writers of exports, as plain Java with no Spring or database dependency.
 */
@NullMarked
package org.veille.transfer.format;

import org.jspecify.annotations.NullMarked;
