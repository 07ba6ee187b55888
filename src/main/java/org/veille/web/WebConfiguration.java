package org.veille.web;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;

import io.micrometer.core.instrument.Gauge;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
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
	 * A form post that waited for its turn as long as it would wait for a database connection is answered as
	 * one that waited that long for the connection: the 503 page, its text kept in a form to send again.
	 */
	private record BusyForms(Duration longestWait, FilterPages pages) implements TakingTurns.NoTurn {

		@Override
		public void answer(HttpServletRequest request, HttpServletResponse response)
				throws ServletException, IOException {
			UnavailablePage.render(this.pages, request, response);
		}

	}

	/**
	 * Form posts take turns ({@link TakingTurns}): right after the form's size is checked, before the session
	 * is read, so that a post waiting its turn holds no database connection.
	 */
	@Bean
	FilterRegistrationBean<TakingTurns> formTurns(@Value("${veille.forms.concurrency:0}") int concurrency,
			@Value("${spring.datasource.hikari.connection-timeout:30000}") long connectionTimeoutMillis,
			FilterPages pages) {
		FilterRegistrationBean<TakingTurns> registration = new FilterRegistrationBean<>(
				TakingTurns.forFormPosts(concurrency, new BusyForms(Duration.ofMillis(connectionTimeoutMillis), pages)));
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
