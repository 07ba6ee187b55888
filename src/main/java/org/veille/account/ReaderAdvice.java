package org.veille.account;

import org.jspecify.annotations.Nullable;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Gives every page {@code readerLogin}, the signed-in reader's login (null when signed out), read once per
 * request: a card that asked {@code #authorization.expression('isAuthenticated()')} parsed and ran a security
 * expression for each card (issue 16).
 */
@ControllerAdvice
class ReaderAdvice {

	@ModelAttribute("readerLogin")
	@Nullable String readerLogin(@AuthenticationPrincipal @Nullable CurrentAccount reader) {
		return (reader != null) ? reader.login() : null;
	}

}
