/**
 * Stars: sharing a thread with the people who follow you.
 */
@NullMarked
package org.veille.star;

import org.jspecify.annotations.NullMarked;
