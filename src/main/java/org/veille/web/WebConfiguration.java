package org.veille.web;

import java.time.Clock;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.servlet.filter.OrderedFormContentFilter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class WebConfiguration {

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

}
