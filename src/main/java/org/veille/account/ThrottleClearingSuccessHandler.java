package org.veille.account;

import java.io.IOException;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;

/**
 * After a successful sign-in, tells the throttle (the failures on that login from that address are
 * forgotten), lets the account's language apply, then goes where the person was heading (the
 * bookmarklet's pre-filled form, say).
 */
class ThrottleClearingSuccessHandler extends SavedRequestAwareAuthenticationSuccessHandler {

	private final LoginThrottle throttle;

	private final LanguageResolver languages;

	ThrottleClearingSuccessHandler(LoginThrottle throttle, LanguageResolver languages) {
		this.throttle = throttle;
		this.languages = languages;
	}

	@Override
	public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
			Authentication authentication) throws ServletException, IOException {
		if (request.getAttribute(LoginThrottleFilter.ATTEMPT) instanceof LoginAttempt attempt) {
			this.throttle.succeeded(attempt);
		}
		this.languages.forget(request, response);
		super.onAuthenticationSuccess(request, response, authentication);
	}

}
