package org.veille.account;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/** The language switch: any page given {@code ?lang=fr} or {@code ?lang=en} remembers the choice. */
@Configuration(proxyBeanMethods = false)
class LanguageConfiguration implements WebMvcConfigurer {

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		LocaleChangeInterceptor interceptor = new LocaleChangeInterceptor();
		interceptor.setParamName(LanguageResolver.PARAMETER);
		interceptor.setIgnoreInvalidLocale(true);
		// The switch is a link. Reading a parameter of a POST would make the servlet parse its body,
		// which fails for an upload over the size limit before Veille can answer it with its 413 page.
		interceptor.setHttpMethods("GET", "HEAD");
		registry.addInterceptor(interceptor);
	}

}
