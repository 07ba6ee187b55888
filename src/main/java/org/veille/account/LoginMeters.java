package org.veille.account;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Component;

/**
 * Counts sign-in attempts refused by {@link LoginThrottle}, {@code veille.login.refused}, with the limit that
 * refused them: {@code address}, {@code account-and-address} or {@code account}.
 */
@Component
class LoginMeters {

	private final MeterRegistry registry;

	LoginMeters(MeterRegistry registry) {
		this.registry = registry;
	}

	void refused(String limit) {
		Counter.builder("veille.login.refused")
			.description("Sign-in attempts refused by the throttle, by the limit reached")
			.tag("limit", limit)
			.register(this.registry)
			.increment();
	}

}
