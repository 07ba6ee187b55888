/**
 * Lists of threads, newest first, as every listing page and feed shows them: the keyset queries and their views.
 */
@NullMarked
package org.veille.thread;

import org.jspecify.annotations.NullMarked;
