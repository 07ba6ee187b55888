package org.veille.web;

import java.io.IOException;
import java.util.Map;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.View;
import org.springframework.web.servlet.ViewResolver;

/**
 * Renders one of the site's pages from a servlet filter, for answers given before Spring MVC or in place of an
 * error dispatch that would fail again: in the layout and the reader's language, without a session (no new CSRF
 * token is offered: there is none to give without it).
 */
@Component
class FilterPages {

	/** Where Spring Security's CSRF filter also puts the token, for templates. */
	private static final String CSRF_ATTRIBUTE = "_csrf";

	private final ViewResolver views;

	private final LocaleResolver locales;

	FilterPages(@Qualifier("thymeleafViewResolver") ViewResolver views, LocaleResolver locales) {
		this.views = views;
		this.locales = locales;
	}

	void render(String viewName, Map<String, ?> model, int status, HttpServletRequest request,
			HttpServletResponse response) throws ServletException, IOException {
		response.resetBuffer();
		response.setStatus(status);
		request.setAttribute(DispatcherServlet.LOCALE_RESOLVER_ATTRIBUTE, this.locales);
		request.removeAttribute(CsrfToken.class.getName());
		request.removeAttribute(CSRF_ATTRIBUTE);
		try {
			View view = this.views.resolveViewName(viewName, this.locales.resolveLocale(request));
			if (view == null) {
				throw new IllegalStateException("No template " + viewName);
			}
			view.render(model, request, response);
		}
		catch (ServletException | IOException | RuntimeException ex) {
			throw ex;
		}
		catch (Exception ex) {
			throw new ServletException(ex);
		}
	}

}
