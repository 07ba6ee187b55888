package org.veille.mail;

import java.util.Locale;
import java.util.Map;

import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Renders an e-mail's two bodies from {@code templates/mail/{name}.txt} (Thymeleaf's text mode) and
 * {@code templates/mail/{name}.html}, in the recipient's language, with the site's messages. An engine of
 * its own: the pages' engine knows only HTML templates and works inside a request.
 */
@Component
public class MailTemplates {

	private final SpringTemplateEngine engine = new SpringTemplateEngine();

	MailTemplates(MessageSource messages) {
		this.engine.addTemplateResolver(resolver(".txt", TemplateMode.TEXT, 1));
		this.engine.addTemplateResolver(resolver(".html", TemplateMode.HTML, 2));
		this.engine.setTemplateEngineMessageSource(messages);
	}

	/** The two bodies; {@code variables} are the template's, {@code base} (the site's address) is added. */
	public Rendered render(String name, Locale locale, Map<String, ?> variables) {
		Context context = new Context(locale, Map.copyOf(variables));
		return new Rendered(this.engine.process(name + ".txt", context).strip() + "\n",
				this.engine.process(name + ".html", context));
	}

	private static ClassLoaderTemplateResolver resolver(String suffix, TemplateMode mode, int order) {
		ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
		resolver.setPrefix("templates/mail/");
		resolver.setSuffix(suffix);
		resolver.setTemplateMode(mode);
		resolver.setCharacterEncoding("UTF-8");
		resolver.setResolvablePatterns(java.util.Set.of("*" + suffix));
		resolver.setCheckExistence(true);
		resolver.setCacheable(true);
		resolver.setOrder(order);
		return resolver;
	}

	/** An e-mail's text and HTML bodies. */
	public record Rendered(String text, String html) {
	}

}
