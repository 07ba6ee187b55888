package org.veille.account;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.firewall.HttpStatusRequestRejectedHandler;
import org.springframework.security.web.firewall.RequestRejectedHandler;

@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	/** No inline script or style anywhere: everything comes from Veille's own static files. */
	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' data:; style-src 'self';"
			+ " script-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

	/**
	 * The API (/api/**): stateless, no session, no CSRF (no cookie is ever read), Basic or Bearer
	 * credentials on every request; reading is open like the site, writing needs an account.
	 */
	@Bean
	@Order(1)
	SecurityFilterChain apiFilterChain(HttpSecurity http, AccountUserDetailsService accounts,
			PasswordEncoder passwordEncoder, ApiTokens tokens, LoginThrottle throttle) throws Exception {
		http.securityMatcher("/api/**")
			.authorizeHttpRequests((requests) -> requests.dispatcherTypeMatchers(DispatcherType.ERROR)
				.permitAll()
				.requestMatchers(HttpMethod.GET, "/api/**")
				.permitAll()
				.requestMatchers(HttpMethod.HEAD, "/api/**")
				.permitAll()
				.anyRequest()
				.authenticated())
			.csrf((csrf) -> csrf.disable())
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache((cache) -> cache.disable())
			.securityContext((context) -> context.requireExplicitSave(true))
			.anonymous(Customizer.withDefaults())
			.exceptionHandling((exceptions) -> exceptions
				.authenticationEntryPoint((request, response, ex) -> ApiErrors.send(response,
						HttpServletResponse.SC_UNAUTHORIZED,
						"Sign in with HTTP Basic (login and password) or an API token (Authorization: Bearer)."))
				.accessDeniedHandler((request, response, ex) -> ApiErrors.send(response,
						HttpServletResponse.SC_FORBIDDEN, "You may not do this.")))
			.addFilterBefore(new ApiAuthenticationFilter(accounts, passwordEncoder, tokens, throttle),
					AnonymousAuthenticationFilter.class)
			.headers((headers) -> headers.contentSecurityPolicy((csp) -> csp.policyDirectives("default-src 'none'")));
		return http.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain securityFilterChain(HttpSecurity http, LoginThrottle throttle, LanguageResolver languages,
			JdbcClient jdbc) throws Exception {
		http.authorizeHttpRequests((requests) -> requests
			.dispatcherTypeMatchers(DispatcherType.ERROR, DispatcherType.FORWARD)
			.permitAll()
			// Administration: any other signed-in person gets the ordinary 403 page, which names nothing.
			.requestMatchers("/admin", "/admin/**")
			.hasRole("ADMIN")
			.requestMatchers("/post", "/people", "/alerts", "/messages/*/edit", "/settings", "/settings/**",
					"/messages/*/report", "/people/*/report")
			.authenticated()
			.requestMatchers(HttpMethod.GET, "/**")
			.permitAll()
			// Link checkers, feed readers and monitors probe with HEAD: answered as GET (DESIGN §8).
			.requestMatchers(HttpMethod.HEAD, "/**")
			.permitAll()
			.requestMatchers(HttpMethod.POST, "/signup", "/login", "/websub/hub", "/login/forgot", "/password/reset/*",
					"/email/confirm/*", "/unsubscribe/*")
			.permitAll()
			.anyRequest()
			.authenticated())
			.formLogin((login) -> login.loginPage("/login")
				.permitAll()
				.failureHandler((request, response, exception) -> response.sendRedirect(request.getContextPath()
						+ ((exception instanceof LockedException) ? "/login?suspended=1" : "/login?error")))
				.successHandler(new ThrottleClearingSuccessHandler(throttle, languages, jdbc)))
			.addFilterAfter(new CredentialsStampFilter(jdbc), SecurityContextHolderFilter.class)
			.addFilterBefore(new LoginThrottleFilter(throttle), UsernamePasswordAuthenticationFilter.class)
			.logout((logout) -> logout.logoutSuccessUrl("/"))
			// WebSub subscribers are other servers, and one-click unsubscribe (RFC 8058) comes from mail
			// clients: no session, no CSRF token (the unsubscribe URL's token is the authority).
			.csrf((csrf) -> csrf.ignoringRequestMatchers("/websub/hub", "/unsubscribe/*")
				.csrfTokenRequestHandler(new QueryStringCsrfForUploads()))
			.headers((headers) -> headers.contentSecurityPolicy((csp) -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
				.referrerPolicy(Customizer.withDefaults()));
		return http.build();
	}

	/** A URL the firewall refuses (an encoded slash, say) is the client's mistake: 400, not 500. */
	/**
	 * Spring MVC times each request already; Spring Security's filter chain observations would time it again
	 * around each of its filters, on every request (a cost the posting benchmark counts). Sign-ins and
	 * authorizations stay observed. Spring Security means to make this its default (spring-security#15858).
	 */
	@Bean
	SecurityObservationSettings securityObservationSettings() {
		return SecurityObservationSettings.withDefaults().shouldObserveRequests(false).build();
	}

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
