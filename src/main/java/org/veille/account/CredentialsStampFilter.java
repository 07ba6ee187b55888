package org.veille.account;

import java.io.IOException;
import java.time.Instant;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import org.veille.database.Timestamps;

/**
 * Ends a session signed in before the person's password last changed: each signed-in request compares the
 * stamp its session carries ({@link CurrentAccount#credentialsStamp()}) with the account's
 * {@code credentials_changed_at}, one lookup by primary key. Kept in PostgreSQL, so it works wherever
 * sessions live (in memory or in the database) and across instances. The request then goes on signed out.
 */
class CredentialsStampFilter extends OncePerRequestFilter {

	private final JdbcClient jdbc;

	CredentialsStampFilter(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.getPrincipal() instanceof CurrentAccount me
				&& me.credentialsStamp() != null && !me.credentialsStamp().equals(current(me.id()))) {
			SecurityContextHolder.clearContext();
			HttpSession session = request.getSession(false);
			if (session != null) {
				session.invalidate();
			}
		}
		chain.doFilter(request, response);
	}

	private Instant current(long accountId) {
		return this.jdbc.sql("select credentials_changed_at from accounts where id = :id")
			.param("id", accountId)
			.query((rs, row) -> Timestamps.read(rs, "credentials_changed_at"))
			.optional()
			.orElse(Instant.EPOCH);
	}

}
