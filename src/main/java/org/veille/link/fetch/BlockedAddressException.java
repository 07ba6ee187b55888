package org.veille.link.fetch;

import java.net.InetAddress;

/** A host resolves to an address the fetcher must not connect to. */
public final class BlockedAddressException extends Exception {

	private static final long serialVersionUID = 1L;

	private final transient InetAddress address;

	BlockedAddressException(String host, InetAddress address) {
		super(host.equals(address.getHostAddress()) ? "address " + host + " is not public"
				: host + " resolves to " + address.getHostAddress() + ", which is not public");
		this.address = address;
	}

	public InetAddress address() {
		return address;
	}
}
