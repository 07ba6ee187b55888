package org.veille.account;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates an API request by HTTP Basic (login and password, for Seenthis's clients; each request
 * counted by the sign-in throttle before its password is checked, 429 past a limit) or by a personal
 * token ({@code Authorization: Bearer}). Credentials that are sent and wrong are refused at once with
 * 401, whatever the endpoint; none at all leaves the request anonymous, for the rules to decide.
 */
class ApiAuthenticationFilter extends OncePerRequestFilter {

	private final AccountUserDetailsService accounts;

	private final PasswordEncoder passwordEncoder;

	private final ApiTokens tokens;

	private final LoginThrottle throttle;

	ApiAuthenticationFilter(AccountUserDetailsService accounts, PasswordEncoder passwordEncoder, ApiTokens tokens,
			LoginThrottle throttle) {
		this.accounts = accounts;
		this.passwordEncoder = passwordEncoder;
		this.tokens = tokens;
		this.throttle = throttle;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String header = request.getHeader(HttpHeaders.AUTHORIZATION);
		if (header == null || header.isBlank()) {
			chain.doFilter(request, response);
			return;
		}
		Optional<CurrentAccount> account;
		String scheme = header.strip();
		if (startsWithIgnoreCase(scheme, "Bearer ")) {
			account = this.tokens.authenticate(scheme.substring("Bearer ".length()).strip());
			if (account.isEmpty()) {
				ApiErrors.send(response, HttpServletResponse.SC_UNAUTHORIZED,
						"This API token is unknown or was revoked.");
				return;
			}
		}
		else if (startsWithIgnoreCase(scheme, "Basic ")) {
			Credentials credentials = Credentials.decode(scheme.substring("Basic ".length()).strip());
			if (credentials == null) {
				ApiErrors.send(response, HttpServletResponse.SC_UNAUTHORIZED,
						"The Basic credentials are not base64 of login:password.");
				return;
			}
			LoginAttempt attempt = this.throttle.attempt(credentials.login(), request.getRemoteAddr());
			if (attempt.isRefused()) {
				Duration wait = Objects.requireNonNull(attempt.retryAfter());
				response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(wait.toSeconds()));
				ApiErrors.send(response, 429, "Too many sign-in attempts on this account or from your network;"
						+ " try again in " + Waits.minutes(wait) + " minute(s), or use an API token.");
				return;
			}
			account = check(credentials);
			if (account.isEmpty()) {
				ApiErrors.send(response, HttpServletResponse.SC_UNAUTHORIZED, "Wrong login or password.");
				return;
			}
			this.throttle.succeeded(attempt);
		}
		else {
			ApiErrors.send(response, HttpServletResponse.SC_UNAUTHORIZED,
					"Only Basic and Bearer authorization are understood.");
			return;
		}
		CurrentAccount me = account.get();
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(me, null, me.getAuthorities()));
		SecurityContextHolder.setContext(context);
		try {
			chain.doFilter(request, response);
		}
		finally {
			SecurityContextHolder.clearContext();
		}
	}

	private Optional<CurrentAccount> check(Credentials credentials) {
		try {
			UserDetails user = this.accounts.loadUserByUsername(credentials.login());
			if (user.isAccountNonLocked() && user.getPassword() != null
					&& this.passwordEncoder.matches(credentials.password(), user.getPassword())) {
				return Optional.of((CurrentAccount) user);
			}
			return Optional.empty();
		}
		catch (UsernameNotFoundException ex) {
			return Optional.empty();
		}
	}

	private static boolean startsWithIgnoreCase(String text, String prefix) {
		return text.regionMatches(true, 0, prefix, 0, prefix.length());
	}

	private record Credentials(String login, String password) {

		static @org.jspecify.annotations.Nullable Credentials decode(String encoded) {
			String decoded;
			try {
				decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
			}
			catch (IllegalArgumentException ex) {
				return null;
			}
			int colon = decoded.indexOf(':');
			return (colon < 0) ? null : new Credentials(decoded.substring(0, colon), decoded.substring(colon + 1));
		}

	}

}
