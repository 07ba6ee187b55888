package org.veille.blogfeed;

import java.io.IOException;
import java.net.URI;
import java.net.UnknownHostException;

import org.springframework.stereotype.Component;

import org.veille.outbound.BlockedAddressException;
import org.veille.outbound.LenientUris;
import org.veille.outbound.OutboundClient;
import org.veille.outbound.RefusedRequestException;

/**
 * Checks the address of a feed being added, as far as it can be checked without a request: an http(s) URL with a
 * host (so no {@code javascript:} nor {@code file:}), not too long, on a port and, when its host is an address, at
 * an address the outbound policy allows. A host name is checked at each poll, when it is resolved.
 */
@Component
class FeedAddresses {

	static final int MAX_LENGTH = 2_000;

	private final OutboundClient client;

	FeedAddresses(OutboundClient client) {
		this.client = client;
	}

	/**
	 * The address as kept.
	 * @throws FeedRefusedException saying what to fix
	 */
	String check(String typed) {
		String url = typed.strip();
		if (url.isEmpty()) {
			throw new FeedRefusedException("blogfeeds.error.required");
		}
		if (url.length() > MAX_LENGTH) {
			throw new FeedRefusedException("blogfeeds.error.too-long", MAX_LENGTH);
		}
		URI uri = LenientUris.parseHttp(url);
		if (uri == null || uri.getRawAuthority() == null) {
			throw new FeedRefusedException("blogfeeds.error.not-a-url");
		}
		try {
			this.client.checkWithoutLookup(uri);
		}
		catch (BlockedAddressException ex) {
			throw new FeedRefusedException("blogfeeds.error.blocked-address");
		}
		catch (RefusedRequestException ex) {
			throw new FeedRefusedException((ex.reason() == RefusedRequestException.Reason.BLOCKED_PORT)
					? "blogfeeds.error.blocked-port" : "blogfeeds.error.not-a-url");
		}
		catch (UnknownHostException ex) {
			throw new FeedRefusedException("blogfeeds.error.not-a-url");
		}
		catch (IOException ex) {
			throw new FeedRefusedException("blogfeeds.error.not-a-url");
		}
		return uri.toString();
	}

}
