/**
 * Page furniture shared by every feature: error pages, keyset cursors, the clock, site settings.
 */
@NullMarked
package org.veille.web;

import org.jspecify.annotations.NullMarked;
