/** Suggestions of tags and logins while a person types a message: small JSON answers, bounded prefix queries. */
@NullMarked
package org.veille.complete;

import org.jspecify.annotations.NullMarked;
