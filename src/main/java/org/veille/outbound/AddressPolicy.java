package org.veille.outbound;

import java.net.InetAddress;

/** Which addresses outbound requests may connect to. */
@FunctionalInterface
public interface AddressPolicy {

	boolean permits(InetAddress address);

	/** Only addresses of the public internet: no loopback, private, link-local, shared, reserved or multicast. */
	static AddressPolicy publicInternetOnly() {
		return SpecialPurposeAddresses::isPublic;
	}

	/** Every address; for tests against local servers ({@code veille.outbound.allow-private-addresses}). */
	static AddressPolicy anyAddress() {
		return address -> true;
	}
}
