package org.veille.link.fetch;

import java.net.InetAddress;

/** Which addresses the fetcher may connect to. */
@FunctionalInterface
public interface AddressPolicy {

	boolean permits(InetAddress address);

	/** Only addresses of the public internet: no loopback, private, link-local, shared, reserved or multicast. */
	static AddressPolicy publicInternetOnly() {
		return SpecialPurposeAddresses::isPublic;
	}

	/** Every address; for tests against local servers ({@code veille.fetch.allow-private-addresses}). */
	static AddressPolicy anyAddress() {
		return address -> true;
	}
}
