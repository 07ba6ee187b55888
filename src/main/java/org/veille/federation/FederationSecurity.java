package org.veille.federation;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Other servers read and post under {@code /federation/}: no session, no CSRF token (an inbox POST carries its
 * own proof, the HTTP signature), open to all.
 */
@Configuration(proxyBeanMethods = false)
class FederationSecurity {

	@Bean
	@Order(0)
	SecurityFilterChain federationFilterChain(HttpSecurity http) throws Exception {
		http.securityMatcher("/federation/**")
			.authorizeHttpRequests((requests) -> requests.anyRequest().permitAll())
			.csrf((csrf) -> csrf.disable())
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache((cache) -> cache.disable())
			.securityContext((context) -> context.requireExplicitSave(true))
			.anonymous(Customizer.withDefaults())
			.headers((headers) -> headers.contentSecurityPolicy((csp) -> csp.policyDirectives("default-src 'none'")));
		return http.build();
	}

}
