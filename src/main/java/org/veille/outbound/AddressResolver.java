package org.veille.outbound;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/** Turns a host name into addresses; replaced in tests to fake DNS. */
@FunctionalInterface
public interface AddressResolver {

	/**
	 * @param host a host name, never an address literal (the guard parses those itself)
	 * @return the addresses of the host, in the order to try them
	 * @throws UnknownHostException when the name does not resolve
	 */
	List<InetAddress> resolve(String host) throws UnknownHostException;

	/** The operating system's resolver ({@link InetAddress#getAllByName}), with its cache and its timeouts. */
	static AddressResolver system() {
		return host -> List.of(InetAddress.getAllByName(host));
	}
}
