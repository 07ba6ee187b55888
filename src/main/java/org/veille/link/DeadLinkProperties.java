package org.veille.link;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * When a cited page counts as gone, and how often failed links are fetched again, {@code veille.dead-links.*}.
 *
 * @param goneAfter a page whose fetches keep failing (refused, timing out, answering 500…) for this long is gone
 * @param recheckAfter failed links checked longer ago than this are queued for a fetch again, so that pages that
 * come back are noticed and failures that last are counted
 */
@Validated
@ConfigurationProperties("veille.dead-links")
public record DeadLinkProperties(@DefaultValue("30d") Duration goneAfter, @DefaultValue("7d") Duration recheckAfter) {

	public DeadLinkProperties {
		if (goneAfter.isNegative() || goneAfter.isZero() || recheckAfter.isNegative() || recheckAfter.isZero()) {
			throw new IllegalArgumentException("veille.dead-links.gone-after and recheck-after must be positive");
		}
	}

}
