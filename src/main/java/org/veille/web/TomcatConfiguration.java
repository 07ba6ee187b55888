package org.veille.web;

import org.apache.tomcat.util.buf.EncodedSolidusHandling;

import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class TomcatConfiguration {

	/**
	 * Tomcat answers an encoded slash ({@code %2F}) in a path with its own bare error page. Passing
	 * it through lets Spring Security's firewall refuse it instead, so the visitor gets Veille's 400
	 * page.
	 */
	@Bean
	TomcatConnectorCustomizer encodedSlashToFirewall() {
		return (connector) -> connector.setEncodedSolidusHandling(EncodedSolidusHandling.PASS_THROUGH.getValue());
	}

}
