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
 * {@code credentials_changed_at}, one lookup by primary key; the same lookup ends a suspended person's
 * session ({@code suspended_at}). Kept in PostgreSQL, so it works wherever
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
				&& !admitted(me)) {
			SecurityContextHolder.clearContext();
			HttpSession session = request.getSession(false);
			if (session != null) {
				session.invalidate();
			}
		}
		chain.doFilter(request, response);
	}

	/** Requests that carry their credentials (the API) have no stamp: they are checked as they come. */
	private boolean admitted(CurrentAccount me) {
		Instant stamp = me.credentialsStamp();
		return stamp == null || current(me.id()).admits(stamp);
	}

	private Standing current(long accountId) {
		return this.jdbc
			.sql("select credentials_changed_at, suspended_at is not null as suspended from accounts where id = :id")
			.param("id", accountId)
			.query((rs, row) -> new Standing(Timestamps.read(rs, "credentials_changed_at"), rs.getBoolean("suspended")))
			.optional()
			.orElse(new Standing(Instant.EPOCH, true));
	}

	/** What the account is now: a session goes on only with the current stamp and no suspension. */
	private record Standing(Instant stamp, boolean suspended) {

		boolean admits(Instant sessionStamp) {
			return !this.suspended && this.stamp.equals(sessionStamp);
		}

	}

}
