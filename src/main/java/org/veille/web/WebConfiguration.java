package org.veille.web;

import java.time.Clock;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.MeterBinder;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.servlet.filter.OrderedFormContentFilter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class WebConfiguration {

	private static final String FORM_TURNS = "formTurns";

	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

	/**
	 * Right after the filter that reads the form bodies of PUT and DELETE (so that its parameters are
	 * cleaned too), before security (so that sign-in reads clean logins) and every other filter.
	 */
	@Bean
	FilterRegistrationBean<CleanParametersFilter> cleanParametersFilter() {
		FilterRegistrationBean<CleanParametersFilter> registration = new FilterRegistrationBean<>(
				new CleanParametersFilter());
		registration.setOrder(OrderedFormContentFilter.DEFAULT_ORDER + 1);
		return registration;
	}

	/**
	 * Form posts take turns ({@link TakingTurns}): right after the form's size is checked, before the session
	 * is read, so that a post waiting its turn holds no database connection.
	 */
	@Bean
	FilterRegistrationBean<TakingTurns> formTurns(@Value("${veille.forms.concurrency:0}") int concurrency) {
		FilterRegistrationBean<TakingTurns> registration = new FilterRegistrationBean<>(
				new TakingTurns(concurrency, TakingTurns::isFormPost));
		registration.setName(FORM_TURNS);
		registration.setOrder(FormSizeFilter.ORDER + 1);
		return registration;
	}

	@Bean
	MeterBinder formTurnsMeter(@Qualifier(FORM_TURNS) FilterRegistrationBean<TakingTurns> formTurns) {
		return (registry) -> Gauge.builder("veille.form.concurrency.waiting", formTurns.getFilter(), TakingTurns::waiting)
			.description("Form posts waiting for their turn")
			.register(registry);
	}

}
