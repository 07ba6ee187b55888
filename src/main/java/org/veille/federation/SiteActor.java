package org.veille.federation;

import java.net.URI;
import java.time.Clock;
import java.util.Map;

import org.springframework.stereotype.Component;

/**
 * The site's own actor ({@value #PATH}, an {@code Application}), as Mastodon's instance actor: it signs every GET
 * Veille sends to other servers, so that those requiring authorized fetch answer, and its document is answered to
 * anyone unsigned, so that they can check those signatures without a signed fetch of their own (which would ask
 * the same of Veille, and so on). Without {@code veille.public-url}, GETs sent outside a request go unsigned: the
 * key's address is not known there.
 */
@Component
class SiteActor implements SignedGets {

	static final String PATH = "/federation/site";

	private final Sites sites;

	private final ActorKeys keys;

	private final Clock clock;

	SiteActor(Sites sites, ActorKeys keys, Clock clock) {
		this.sites = sites;
		this.keys = keys;
		this.clock = clock;
	}

	@Override
	public Map<String, String> headersFor(URI target) {
		String base = this.sites.baseIfKnown();
		if (base == null) {
			return Map.of();
		}
		return HttpSignatures.signedGet(target, base + PATH + "#main-key", this.keys.site().privateKey(),
				this.clock.instant());
	}

}
