package org.veille.account;

import java.io.IOException;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;

/**
 * After a successful sign-in, forgets the client's failures on that login, then goes where the
 * person was heading (the bookmarklet's pre-filled form, say).
 */
class ThrottleClearingSuccessHandler extends SavedRequestAwareAuthenticationSuccessHandler {

	private final LoginThrottle throttle;

	ThrottleClearingSuccessHandler(LoginThrottle throttle) {
		this.throttle = throttle;
	}

	@Override
	public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
			Authentication authentication) throws ServletException, IOException {
		this.throttle.recordSuccess(authentication.getName(), request.getRemoteAddr());
		super.onAuthenticationSuccess(request, response, authentication);
	}

}
