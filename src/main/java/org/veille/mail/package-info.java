/**
 * E-mail: the outbox in PostgreSQL, the workers that send it over SMTP (or keep it when no server is
 * configured), and the rendering of letters from templates in the recipient's language.
 */
@NullMarked
package org.veille.mail;

import org.jspecify.annotations.NullMarked;
