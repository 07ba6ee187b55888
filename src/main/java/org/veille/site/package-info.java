/**
 * Site pages on top of links and threads: {@code /sites/{host}/{path…}}, the threads citing a site or a path
 * under it, and their feeds.
 */
@NullMarked
package org.veille.site;

import org.jspecify.annotations.NullMarked;
