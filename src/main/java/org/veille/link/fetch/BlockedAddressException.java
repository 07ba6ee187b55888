package org.veille.link.fetch;

import java.net.InetAddress;

/**
 * A host resolves to an address the fetcher must not connect to. The message names the host as the URL gave it,
 * never the address it resolved to: it is shown to the poster, and the addresses of an internal network are not
 * theirs to learn.
 */
public final class BlockedAddressException extends Exception {

	private static final long serialVersionUID = 1L;

	private final transient InetAddress address;

	BlockedAddressException(String host, InetAddress address) {
		super(host + " is on a private or reserved network");
		this.address = address;
	}

	public InetAddress address() {
		return address;
	}
}
