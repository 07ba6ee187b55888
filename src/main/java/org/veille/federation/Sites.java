package org.veille.federation;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;

import org.veille.web.PublicUrls;

/**
 * The site's address for the documents: {@code veille.public-url}, else the current request's. Workers have no
 * request: what they send is built with the address kept when the work was queued.
 */
@Component
class Sites {

	private final PublicUrls urls;

	private final ActorKeys keys;

	Sites(PublicUrls urls, ActorKeys keys) {
		this.urls = urls;
		this.keys = keys;
	}

	/** The documents of the current request's site. */
	Documents current() {
		return new Documents(this.urls.base(), this.keys);
	}

	Documents at(String base) {
		return new Documents(base, this.keys);
	}

	/** The address to keep with queued work: null outside a request without {@code veille.public-url}. */
	@Nullable String baseIfKnown() {
		if (this.urls.configured() != null || RequestContextHolder.getRequestAttributes() != null) {
			return this.urls.base();
		}
		return null;
	}

}
