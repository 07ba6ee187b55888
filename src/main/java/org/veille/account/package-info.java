/**
 * People's accounts: sign-up, login, profiles, and the security rules of the site.
 */
@NullMarked
package org.veille.account;

import org.jspecify.annotations.NullMarked;
