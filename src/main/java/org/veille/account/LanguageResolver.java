package org.veille.account;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.context.i18n.LocaleContext;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleContextResolver;

/**
 * Which language a page speaks, English or French. In this order: a {@code ?lang=} just chosen with the
 * language switch (kept in a cookie), the cookie, the signed-in person's setting (read from their session,
 * so no query), then the browser's {@code Accept-Language}, then English. Signing in forgets the cookie so
 * the account's setting applies; saving the setting writes it into the cookie.
 */
@Component("localeResolver")
class LanguageResolver implements LocaleContextResolver {

	/** The languages of the interface, the default first. */
	static final List<Locale> SUPPORTED = List.of(Locale.ENGLISH, Locale.FRENCH);

	static final String PARAMETER = "lang";

	static final String COOKIE = "veille-lang";

	private static final int ONE_YEAR = 365 * 24 * 3600;

	@Override
	public Locale resolveLocale(HttpServletRequest request) {
		return supported(switchedTo(request)).or(() -> supported(cookie(request)))
			.or(LanguageResolver::accountLanguage)
			.orElseGet(() -> fromHeader(request));
	}

	/**
	 * The request's language for Spring MVC, worked out at the first question and kept to the end of the
	 * request: given a plain resolver, Spring MVC asks it again at every {@code LocaleContextHolder.getLocale()}
	 * (each card, text and message of a page), reading the parameters, cookies, session's account and headers
	 * each time: 4 % of a signed-in home stream's first render (issue 16). A {@code ?lang=} chosen in this request
	 * is the first thing read, so the language it sets is the one kept.
	 */
	@Override
	public LocaleContext resolveLocaleContext(HttpServletRequest request) {
		return new ResolvedOnce(() -> resolveLocale(request));
	}

	@Override
	public void setLocaleContext(HttpServletRequest request, @Nullable HttpServletResponse response,
			@Nullable LocaleContext context) {
		setLocale(request, response, (context != null) ? context.getLocale() : null);
	}

	/**
	 * The {@code ?lang=} of a page request. Only for GET: asking a POST for a parameter parses its
	 * body, which throws for an upload over the limit and would break the error page that says so.
	 */
	private static @Nullable String switchedTo(HttpServletRequest request) {
		return ("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod()))
				? request.getParameter(PARAMETER) : null;
	}

	/** Called by the {@code ?lang=} interceptor: remembers the choice, or forgets it given null. */
	@Override
	public void setLocale(HttpServletRequest request, @Nullable HttpServletResponse response,
			@Nullable Locale locale) {
		if (response == null) {
			return;
		}
		Optional<Locale> chosen = (locale != null) ? supported(locale.getLanguage()) : Optional.empty();
		Cookie cookie = new Cookie(COOKIE, chosen.map(Locale::getLanguage).orElse(""));
		cookie.setPath("/");
		cookie.setHttpOnly(true);
		cookie.setAttribute("SameSite", "Lax");
		cookie.setMaxAge(chosen.isPresent() ? ONE_YEAR : 0);
		response.addCookie(cookie);
	}

	/** Forgets the language switch's choice (after signing in, the account's setting applies). */
	void forget(HttpServletRequest request, HttpServletResponse response) {
		if (cookie(request) != null) {
			setLocale(request, response, null);
		}
	}

	static Optional<Locale> supported(@Nullable String language) {
		if (language == null) {
			return Optional.empty();
		}
		return SUPPORTED.stream().filter((locale) -> locale.getLanguage().equals(language)).findFirst();
	}

	private static @Nullable String cookie(HttpServletRequest request) {
		Cookie[] cookies = request.getCookies();
		if (cookies == null) {
			return null;
		}
		for (Cookie cookie : cookies) {
			if (COOKIE.equals(cookie.getName())) {
				return cookie.getValue();
			}
		}
		return null;
	}

	private static Optional<Locale> accountLanguage() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.getPrincipal() instanceof CurrentAccount account) {
			return supported(account.language());
		}
		return Optional.empty();
	}

	/** A request's language, asked of the resolver the first time it is needed. */
	private static final class ResolvedOnce implements LocaleContext {

		private final Supplier<Locale> resolve;

		private @Nullable Locale locale;

		ResolvedOnce(Supplier<Locale> resolve) {
			this.resolve = resolve;
		}

		@Override
		public Locale getLocale() {
			Locale known = this.locale;
			if (known == null) {
				known = this.resolve.get();
				this.locale = known;
			}
			return known;
		}

	}

	private static Locale fromHeader(HttpServletRequest request) {
		if (request.getHeader("Accept-Language") == null) {
			return SUPPORTED.get(0);
		}
		for (Locale wanted : java.util.Collections.list(request.getLocales())) {
			Optional<Locale> found = supported(wanted.getLanguage());
			if (found.isPresent()) {
				return found.get();
			}
		}
		return SUPPORTED.get(0);
	}

}
