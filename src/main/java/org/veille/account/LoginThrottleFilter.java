package org.veille.account;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Counts each sign-in attempt of the form before its password is checked ({@link LoginThrottle}). A
 * refused one goes to the sign-in page saying how long to wait ({@link LoginController}); an allowed
 * one goes on to Spring Security, the attempt kept on the request for {@link ThrottleClearingSuccessHandler}.
 */
class LoginThrottleFilter extends OncePerRequestFilter {

	static final String ATTEMPT = "org.veille.account.LoginAttempt";

	static final String THROTTLED_PAGE = "/login/throttled";

	private final LoginThrottle throttle;

	LoginThrottleFilter(LoginThrottle throttle) {
		this.throttle = throttle;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !("POST".equals(request.getMethod())
				&& (request.getContextPath() + "/login").equals(request.getRequestURI()));
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		LoginAttempt attempt = this.throttle.attempt(String.valueOf(request.getParameter("username")),
				request.getRemoteAddr());
		request.setAttribute(ATTEMPT, attempt);
		if (attempt.isRefused()) {
			request.getRequestDispatcher(THROTTLED_PAGE).forward(request, response);
			return;
		}
		chain.doFilter(request, response);
	}

}
