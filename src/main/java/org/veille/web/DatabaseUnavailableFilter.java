package org.veille.web;

import java.io.IOException;
import java.util.Locale;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.annotation.Order;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.session.web.http.SessionRepositoryFilter;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.View;
import org.springframework.web.servlet.ViewResolver;

import org.veille.database.OutageLog;

/**
 * The {@link UnavailablePage} for a database failure outside any controller, which
 * {@link DatabaseUnavailableAdvice} never sees: reading a signed-in person's session (sessions live in
 * PostgreSQL), saving a new one, the sign-in throttle's filter. Outside Spring Session's filter, so that it
 * sees its failures, the page is rendered here and not by an error dispatch: that would need the session
 * again. Without the session there is no CSRF token, so the page's retry form is refused once the database is
 * back; the browser's draft (kept by veille.js) still has the text.
 */
@Component
@Order(DatabaseUnavailableFilter.ORDER)
class DatabaseUnavailableFilter extends OncePerRequestFilter {

	/** Before Spring Session's filter and the one that reads its cookie just before it. */
	static final int ORDER = SessionRepositoryFilter.DEFAULT_ORDER - 10;

	/** Where Spring Security's CSRF filter also puts the token, for templates. */
	private static final String CSRF_ATTRIBUTE = "_csrf";

	private final OutageLog outage = new OutageLog(LoggerFactory.getLogger(DatabaseUnavailableFilter.class),
			"Requests answered 503 before reaching a page");

	private final ViewResolver views;

	private final LocaleResolver locales;

	DatabaseUnavailableFilter(@Qualifier("thymeleafViewResolver") ViewResolver views, LocaleResolver locales) {
		this.views = views;
		this.locales = locales;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		try {
			chain.doFilter(request, response);
		}
		catch (ServletException | IOException | RuntimeException ex) {
			if (response.isCommitted() || !this.outage.unreachable(ex)) {
				throw ex;
			}
			render(UnavailablePage.answer(request, response), request, response);
		}
	}

	private void render(ModelAndView page, HttpServletRequest request, HttpServletResponse response)
			throws ServletException, IOException {
		response.resetBuffer();
		response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
		request.setAttribute(DispatcherServlet.LOCALE_RESOLVER_ATTRIBUTE, this.locales);
		// The token Spring Security left for the forms would be read from the session: there is none to give.
		request.removeAttribute(CsrfToken.class.getName());
		request.removeAttribute(CSRF_ATTRIBUTE);
		Locale locale = this.locales.resolveLocale(request);
		try {
			View view = this.views.resolveViewName(UnavailablePage.VIEW, locale);
			if (view == null) {
				throw new IllegalStateException("No template " + UnavailablePage.VIEW);
			}
			view.render(page.getModel(), request, response);
		}
		catch (ServletException | IOException | RuntimeException ex) {
			throw ex;
		}
		catch (Exception ex) {
			throw new ServletException(ex);
		}
	}

}
