package org.veille.outbound;

import java.net.IDN;
import java.net.InetAddress;
import java.net.UnknownHostException;

import org.apache.hc.client5.http.DnsResolver;

/**
 * The HTTP client's only way from a host name to addresses: it gives the addresses {@link AddressGuard} checked, so
 * the client connects to nothing else and never looks the name up a second time. A name with any address outside
 * the policy gives none ({@link BlockedAddressException}), before any connection is tried.
 */
final class GuardedDnsResolver implements DnsResolver {

	private final AddressGuard guard;

	GuardedDnsResolver(AddressGuard guard) {
		this.guard = guard;
	}

	/** HttpClient keeps an internationalized name in Unicode; the guard, like DNS, takes its ASCII form. */
	@Override
	public InetAddress[] resolve(String host) throws UnknownHostException {
		String ascii;
		try {
			ascii = IDN.toASCII(host, IDN.ALLOW_UNASSIGNED);
		}
		catch (IllegalArgumentException ex) {
			throw new UnknownHostException("not a valid host name: " + host);
		}
		return this.guard.check(ascii).toArray(InetAddress[]::new);
	}

	@Override
	public String resolveCanonicalHostname(String host) {
		// Asked only for authentication schemes the client never uses; no reverse lookup.
		return host;
	}

}
