package org.veille.outbound;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;

/**
 * Resolves a host once and checks every address it gives, so that outbound requests connect only to checked
 * addresses and never look the name up again (a second answer could point elsewhere: DNS rebinding).
 */
public final class AddressGuard {

	private final AddressResolver resolver;
	private final AddressPolicy policy;

	public AddressGuard(AddressResolver resolver, AddressPolicy policy) {
		this.resolver = resolver;
		this.policy = policy;
	}

	/** The system resolver, and public addresses only unless the settings allow private ones. */
	public static AddressGuard forSettings(OutboundProperties settings) {
		return new AddressGuard(AddressResolver.system(),
				settings.allowPrivateAddresses() ? AddressPolicy.anyAddress() : AddressPolicy.publicInternetOnly());
	}

	/**
	 * @param host a host as in a URL: a name, an IPv4 address in any form {@code inet_aton} accepts, or an IPv6
	 *     address with or without brackets
	 * @return the addresses to connect to, in order, all permitted
	 * @throws UnknownHostException when the name does not resolve
	 * @throws BlockedAddressException when any address is not permitted: a name that mixes public and private
	 *     addresses is refused as a whole
	 */
	public List<InetAddress> check(String host) throws UnknownHostException, BlockedAddressException {
		List<InetAddress> addresses = resolve(host);
		for (InetAddress address : addresses) {
			if (!policy.permits(address)) {
				throw new BlockedAddressException(host, address);
			}
		}
		return addresses;
	}

	/**
	 * Checks a host that is an address literal, without any lookup; a name passes, to be checked when resolved.
	 *
	 * @throws BlockedAddressException when the host is an address the policy refuses
	 * @throws UnknownHostException when the host looks like an address but is none ({@code 1.2.3.256})
	 */
	public void checkIfAddress(String host) throws UnknownHostException {
		String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
		if (bare.indexOf(':') >= 0 || Ipv4Literals.parse(bare).isPresent()) {
			check(host);
		}
	}

	private List<InetAddress> resolve(String host) throws UnknownHostException {
		String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
		if (bare.isEmpty()) {
			throw new UnknownHostException("Empty host");
		}
		if (bare.indexOf(':') >= 0) {
			// Brackets make Java accept only an IPv6 literal: never a lookup.
			return List.of(InetAddress.getByName("[" + bare + "]"));
		}
		Optional<? extends InetAddress> numeric = Ipv4Literals.parse(bare);
		if (numeric.isPresent()) {
			return List.of(numeric.get());
		}
		List<InetAddress> addresses = resolver.resolve(bare);
		if (addresses.isEmpty()) {
			throw new UnknownHostException(bare + " has no address");
		}
		return addresses;
	}
}
