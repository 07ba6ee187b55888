package org.veille.web;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.ServletContext;
import org.jspecify.annotations.Nullable;
import org.thymeleaf.context.IWebContext;
import org.thymeleaf.context.WebContext;
import org.thymeleaf.spring6.ISpringTemplateEngine;
import org.thymeleaf.spring6.expression.ThymeleafEvaluationContext;
import org.thymeleaf.web.IWebExchange;
import org.thymeleaf.web.servlet.JakartaServletWebApplication;

import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Renders one fragment of a template to HTML in the current request, for the parts of pages kept rendered
 * (a card, a tag page's side panel) and inserted as they are into every page showing them.
 */
@Component
public class Fragments {

	private final ApplicationContext applicationContext;

	private final ISpringTemplateEngine templates;

	private volatile @Nullable JakartaServletWebApplication web;

	Fragments(ApplicationContext applicationContext, ISpringTemplateEngine templates) {
		this.applicationContext = applicationContext;
		this.templates = templates;
	}

	/** The fragment {@code selector} of {@code template}, rendered with these variables in this language. */
	public String render(String template, String selector, Map<String, @Nullable Object> given, Locale locale) {
		ServletRequestAttributes request = (ServletRequestAttributes) RequestContextHolder.currentRequestAttributes();
		return process(template, selector, web(request.getRequest().getServletContext())
			.buildExchange(request.getRequest(), request.getResponse()), given, locale);
	}

	/**
	 * The same, in the exchange and language of the page being rendered: also for the pages rendered by filters
	 * ({@code FilterPages}), outside Spring MVC's request context.
	 */
	String render(String template, String selector, Map<String, @Nullable Object> given, IWebContext page) {
		return process(template, selector, page.getExchange(), given, page.getLocale());
	}

	private String process(String template, String selector, IWebExchange exchange, Map<String, @Nullable Object> given,
			Locale locale) {
		Map<String, @Nullable Object> variables = new HashMap<>(given);
		variables.put(ThymeleafEvaluationContext.THYMELEAF_EVALUATION_CONTEXT_CONTEXT_VARIABLE_NAME,
				new ThymeleafEvaluationContext(this.applicationContext, null));
		return this.templates.process(template, Set.of(selector), new WebContext(exchange, locale, variables));
	}

	private JakartaServletWebApplication web(ServletContext servletContext) {
		JakartaServletWebApplication application = this.web;
		if (application == null) {
			application = JakartaServletWebApplication.buildApplication(servletContext);
			this.web = application;
		}
		return application;
	}

}
