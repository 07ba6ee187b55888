package org.veille.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Hands every request on with its parameters cleaned of the characters XML 1.0 forbids
 * ({@link CleanParametersRequest}), so that no form, query or sign-in stores or looks up NUL,
 * U+FFFF and the like (DESIGN §8). Request bodies read as a whole (the API's Atom entries, import
 * files) clean their own text.
 */
class CleanParametersFilter extends OncePerRequestFilter {

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		chain.doFilter(new CleanParametersRequest(request), response);
	}

}
