/**
 * Links: the URLs cited by messages and the sites they belong to.
 */
@NullMarked
package org.veille.link;

import org.jspecify.annotations.NullMarked;
