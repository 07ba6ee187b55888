package org.veille.web;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class WebConfiguration {

	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

}
