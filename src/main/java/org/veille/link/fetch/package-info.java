/**
 * Fetches linked pages safely and bounded, and extracts their title, description, image and favicon.
 */
@NullMarked
package org.veille.link.fetch;

import org.jspecify.annotations.NullMarked;
