package org.veille.account;

import java.io.IOException;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;

/**
 * After a successful sign-in, tells the throttle (the failures on that login from that address are
 * forgotten), notes the language for e-mails, lets the account's language apply, then goes where the
 * person was heading (the bookmarklet's pre-filled form, say).
 */
class ThrottleClearingSuccessHandler extends SavedRequestAwareAuthenticationSuccessHandler {

	private final LoginThrottle throttle;

	private final LanguageResolver languages;

	private final JdbcClient jdbc;

	ThrottleClearingSuccessHandler(LoginThrottle throttle, LanguageResolver languages, JdbcClient jdbc) {
		this.throttle = throttle;
		this.languages = languages;
		this.jdbc = jdbc;
	}

	@Override
	public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
			Authentication authentication) throws ServletException, IOException {
		if (request.getAttribute(LoginThrottleFilter.ATTEMPT) instanceof LoginAttempt attempt) {
			this.throttle.succeeded(attempt);
		}
		if (authentication.getPrincipal() instanceof CurrentAccount me) {
			// The language e-mails use when the person left it to the browser.
			this.jdbc.sql("update accounts set seen_language = :language where id = :id")
				.param("language", this.languages.resolveLocale(request).getLanguage())
				.param("id", me.id())
				.update();
		}
		this.languages.forget(request, response);
		super.onAuthenticationSuccess(request, response, authentication);
	}

}
