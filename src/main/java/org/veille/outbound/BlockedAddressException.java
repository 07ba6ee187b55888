package org.veille.outbound;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * A host resolves to an address outbound requests must not reach. An {@link UnknownHostException}, because the
 * client's DNS resolver reports it: as far as the connection goes, the name has no address it may use. The
 * message names the host as the URL gave it, never the address it resolved to: it is shown to the poster, and the
 * addresses of an internal network are not theirs to learn.
 */
public final class BlockedAddressException extends UnknownHostException {

	private static final long serialVersionUID = 1L;

	private final transient InetAddress address;

	BlockedAddressException(String host, InetAddress address) {
		super(host + " is on a private or reserved network");
		this.address = address;
	}

	public InetAddress address() {
		return this.address;
	}

}
