package org.veille.outbound;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Tells addresses of the public internet from everything else (IANA special-purpose registries, RFC 6890).
 * IPv6 addresses that carry an IPv4 address (mapped, compatible, NAT64, 6to4) are judged by that IPv4 address.
 */
final class SpecialPurposeAddresses {

	private static final List<AddressBlock> NON_PUBLIC_IPV4 = blocks(
			"0.0.0.0/8", // "this network"
			"10.0.0.0/8", // private
			"100.64.0.0/10", // shared address space (carrier-grade NAT)
			"127.0.0.0/8", // loopback
			"169.254.0.0/16", // link-local, cloud metadata services
			"172.16.0.0/12", // private
			"192.0.0.0/24", // IETF protocol assignments
			"192.0.2.0/24", // documentation (TEST-NET-1)
			"192.88.99.0/24", // 6to4 relay anycast
			"192.168.0.0/16", // private
			"198.18.0.0/15", // benchmarking
			"198.51.100.0/24", // documentation (TEST-NET-2)
			"203.0.113.0/24", // documentation (TEST-NET-3)
			"224.0.0.0/4", // multicast
			"240.0.0.0/4"); // reserved, and the limited broadcast 255.255.255.255

	/** Everything outside global unicast is loopback, link-local, unique-local, multicast or reserved. */
	private static final AddressBlock GLOBAL_UNICAST_IPV6 = AddressBlock.parse("2000::/3");

	private static final List<AddressBlock> NON_PUBLIC_GLOBAL_IPV6 = blocks(
			"2001::/23", // IETF protocol assignments, Teredo included
			"2001:db8::/32", // documentation
			"3fff::/20"); // documentation

	private static final AddressBlock IPV4_COMPATIBLE = AddressBlock.parse("::/96");
	private static final AddressBlock NAT64 = AddressBlock.parse("64:ff9b::/96");
	private static final AddressBlock SIX_TO_FOUR = AddressBlock.parse("2002::/16");

	private SpecialPurposeAddresses() {
	}

	static boolean isPublic(InetAddress address) {
		byte[] bytes = address.getAddress();
		if (bytes.length == 4) {
			return NON_PUBLIC_IPV4.stream().noneMatch(block -> block.contains(bytes));
		}
		Inet4Address embedded = embeddedIpv4(bytes);
		if (embedded != null) {
			return isPublic(embedded);
		}
		return GLOBAL_UNICAST_IPV6.contains(bytes)
				&& NON_PUBLIC_GLOBAL_IPV6.stream().noneMatch(block -> block.contains(bytes));
	}

	/** The IPv4 address a connection to this IPv6 address would reach, if it carries one. */
	private static @Nullable Inet4Address embeddedIpv4(byte[] ipv6) {
		if (isIpv4Mapped(ipv6) || IPV4_COMPATIBLE.contains(ipv6) || NAT64.contains(ipv6)) {
			return ipv4(Arrays.copyOfRange(ipv6, 12, 16));
		}
		if (SIX_TO_FOUR.contains(ipv6)) {
			return ipv4(Arrays.copyOfRange(ipv6, 2, 6));
		}
		return null;
	}

	/** {@code ::ffff:0:0/96}, spelled out because Java parses such literals straight into IPv4 addresses. */
	private static boolean isIpv4Mapped(byte[] ipv6) {
		for (int i = 0; i < 10; i++) {
			if (ipv6[i] != 0) {
				return false;
			}
		}
		return ipv6[10] == (byte) 0xff && ipv6[11] == (byte) 0xff;
	}

	private static Inet4Address ipv4(byte[] bytes) {
		try {
			return (Inet4Address) InetAddress.getByAddress(bytes);
		}
		catch (UnknownHostException ex) {
			throw new IllegalStateException("Four bytes are always an IPv4 address", ex);
		}
	}

	private static List<AddressBlock> blocks(String... cidrs) {
		return Arrays.stream(cidrs).map(AddressBlock::parse).toList();
	}
}
