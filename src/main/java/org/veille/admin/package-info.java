/**
 * Moderation and administration ({@code /admin}, administrators only): people and their suspension,
 * reports, and the moderation log.
 */
@NullMarked
package org.veille.admin;

import org.jspecify.annotations.NullMarked;
