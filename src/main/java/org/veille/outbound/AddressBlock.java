package org.veille.outbound;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** A CIDR block such as {@code 10.0.0.0/8} or {@code fc00::/7}. */
final class AddressBlock {

	private final byte[] network;
	private final int prefixLength;

	private AddressBlock(byte[] network, int prefixLength) {
		this.network = network;
		this.prefixLength = prefixLength;
	}

	/** Parses {@code address/prefix}; the address must be a literal, so nothing is looked up. */
	static AddressBlock parse(String cidr) {
		int slash = cidr.indexOf('/');
		try {
			byte[] network = InetAddress.getByName(cidr.substring(0, slash)).getAddress();
			int prefixLength = Integer.parseInt(cidr.substring(slash + 1));
			if (prefixLength < 0 || prefixLength > network.length * 8) {
				throw new IllegalArgumentException("Bad prefix length in " + cidr);
			}
			return new AddressBlock(network, prefixLength);
		}
		catch (UnknownHostException ex) {
			throw new IllegalArgumentException("Not an address literal: " + cidr, ex);
		}
	}

	boolean contains(byte[] address) {
		if (address.length != network.length) {
			return false;
		}
		int wholeBytes = prefixLength / 8;
		for (int i = 0; i < wholeBytes; i++) {
			if (address[i] != network[i]) {
				return false;
			}
		}
		int restBits = prefixLength % 8;
		if (restBits == 0) {
			return true;
		}
		int mask = (0xff << (8 - restBits)) & 0xff;
		return (address[wholeBytes] & mask) == (network[wholeBytes] & mask);
	}
}
