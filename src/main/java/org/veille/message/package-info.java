/**
 * Posting and showing messages: the posting form, the write path, the thread page.
 */
@NullMarked
package org.veille.message;

import org.jspecify.annotations.NullMarked;
