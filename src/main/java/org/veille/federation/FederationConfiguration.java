package org.veille.federation;

import jakarta.servlet.DispatcherType;

import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

@Configuration(proxyBeanMethods = false)
class FederationConfiguration implements WebMvcConfigurer {

	private final RemoteReplies replies;

	FederationConfiguration(RemoteReplies replies) {
		this.replies = replies;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(new RemoteThreadInterceptor(this.replies)).addPathPatterns("/messages/*");
	}

	/** Before the negotiation, which forwards: it sees the address that was asked for. */
	@Bean
	FilterRegistrationBean<AuthorizedFetch> authorizedFetch(FederationProperties properties, InboxVerifier verifier,
			DomainBlocks blocks) {
		FilterRegistrationBean<AuthorizedFetch> registration = new FilterRegistrationBean<>(
				new AuthorizedFetch(properties.authorizedFetch(), verifier, blocks));
		registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER - 20);
		registration.setDispatcherTypes(DispatcherType.REQUEST);
		return registration;
	}

	/** Before Spring Security and the page cache (whose filters come after its order). */
	@Bean
	FilterRegistrationBean<ActivityNegotiation> activityNegotiation() {
		FilterRegistrationBean<ActivityNegotiation> registration = new FilterRegistrationBean<>(new ActivityNegotiation());
		registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER - 10);
		registration.setDispatcherTypes(DispatcherType.REQUEST);
		return registration;
	}

}
