package org.veille.web;

import java.net.URI;

import org.apache.tomcat.util.buf.EncodedSolidusHandling;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

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

	@Bean
	PublicAddress publicAddress(PublicUrls urls) {
		return new PublicAddress(urls.configured());
	}

	/**
	 * Adds {@link PublicAddressValve} when {@code veille.public-url} is set. Last, so that it comes after the
	 * valve {@code server.forward-headers-strategy=native} adds: the address set wins over forwarded headers,
	 * which still give the client's own address.
	 */
	static final class PublicAddress implements WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory>, Ordered {

		private final @Nullable URI address;

		PublicAddress(@Nullable URI address) {
			this.address = address;
		}

		@Override
		public void customize(ConfigurableTomcatWebServerFactory factory) {
			URI configured = this.address;
			if (configured != null) {
				factory.addEngineValves(new PublicAddressValve(configured));
			}
		}

		@Override
		public int getOrder() {
			return Ordered.LOWEST_PRECEDENCE;
		}

	}

}
