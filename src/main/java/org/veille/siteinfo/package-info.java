/**
 * The site's own name and description, as its administrators set them: shown in every page's header, title
 * and footer and in its feeds, kept in memory on each instance and reloaded when PostgreSQL announces a change.
 */
@NullMarked
package org.veille.siteinfo;

import org.jspecify.annotations.NullMarked;
