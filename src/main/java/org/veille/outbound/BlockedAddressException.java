package org.veille.outbound;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * A host resolves to an address outbound requests must not reach. An {@link UnknownHostException}, because the
 * client's DNS resolver reports it: as far as the connection goes, the name has no address it may use.
 */
public final class BlockedAddressException extends UnknownHostException {

	private static final long serialVersionUID = 1L;

	private final transient InetAddress address;

	BlockedAddressException(String host, InetAddress address) {
		super(host.equals(address.getHostAddress()) ? "address " + host + " is not public"
				: host + " resolves to " + address.getHostAddress() + ", which is not public");
		this.address = address;
	}

	public InetAddress address() {
		return this.address;
	}

}
