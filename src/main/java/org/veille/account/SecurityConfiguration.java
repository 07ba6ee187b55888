package org.veille.account;

import jakarta.servlet.DispatcherType;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.firewall.HttpStatusRequestRejectedHandler;
import org.springframework.security.web.firewall.RequestRejectedHandler;

@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	/** No inline script or style anywhere: everything comes from Veille's own static files. */
	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' data:; style-src 'self';"
			+ " script-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http, LoginThrottle throttle, LanguageResolver languages) throws Exception {
		http.authorizeHttpRequests((requests) -> requests
			.dispatcherTypeMatchers(DispatcherType.ERROR, DispatcherType.FORWARD)
			.permitAll()
			.requestMatchers("/post", "/people", "/alerts", "/messages/*/edit", "/settings")
			.authenticated()
			.requestMatchers(HttpMethod.GET, "/**")
			.permitAll()
			.requestMatchers(HttpMethod.POST, "/signup", "/login")
			.permitAll()
			.anyRequest()
			.authenticated())
			.formLogin((login) -> login.loginPage("/login")
				.permitAll()
				.failureHandler((request, response, exception) -> {
					throttle.recordFailure(String.valueOf(request.getParameter("username")), request.getRemoteAddr());
					response.sendRedirect(request.getContextPath() + "/login?error");
				})
				.successHandler(new ThrottleClearingSuccessHandler(throttle, languages)))
			.addFilterBefore(new LoginThrottleFilter(throttle), UsernamePasswordAuthenticationFilter.class)
			.logout((logout) -> logout.logoutSuccessUrl("/"))
			.headers((headers) -> headers.contentSecurityPolicy((csp) -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
				.referrerPolicy(Customizer.withDefaults()));
		return http.build();
	}

	/** A URL the firewall refuses (an encoded slash, say) is the client's mistake: 400, not 500. */
	@Bean
	RequestRejectedHandler requestRejectedHandler() {
		return new HttpStatusRequestRejectedHandler(HttpStatus.BAD_REQUEST.value());
	}

	/** bcrypt by default, behind a prefix so that the hash can be upgraded later without a reset. */
	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

}
