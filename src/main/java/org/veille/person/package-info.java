/**
 * Person pages on top of accounts, threads and follows: {@code /people/{login}} and its feeds, a person's dead
 * links, and the secret feed of their home stream.
 */
@NullMarked
package org.veille.person;

import org.jspecify.annotations.NullMarked;
