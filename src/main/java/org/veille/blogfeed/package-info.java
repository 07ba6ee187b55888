/**
 * Feeds in: the RSS or Atom feeds of a person's blog, polled in the background and posted as their messages.
 */
@NullMarked
package org.veille.blogfeed;

import org.jspecify.annotations.NullMarked;
