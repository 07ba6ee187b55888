package org.veille.account;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.StringJoiner;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * The key under which attempts from one client are counted: an IPv4 address on its own, an IPv6 address
 * by its /64. One home or server is usually given a whole IPv6 /64, so counting single IPv6 addresses
 * would let one client change address at every guess.
 */
final class ClientAddresses {

	private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

	/** What an IPv6 literal may hold (an IPv4 tail included): checked first, so that no name is ever looked up. */
	private static final Pattern IPV6_CHARACTERS = Pattern.compile("[0-9A-Fa-f:.]+");

	private static final int MAX_LENGTH = 100;

	private ClientAddresses() {
	}

	static String group(String remoteAddress) {
		String address = withoutBracketsAndZone(remoteAddress.strip());
		if (IPV4.matcher(address).matches()) {
			String ipv4 = ipv4(address);
			if (ipv4 != null) {
				return ipv4;
			}
		}
		if (address.contains(":") && IPV6_CHARACTERS.matcher(address).matches()) {
			try {
				return group(InetAddress.getByName(address));
			}
			catch (UnknownHostException ex) {
				// Not an address after all: counted under its own text below.
			}
		}
		String text = address.replace("\u0000", "");
		return (text.length() > MAX_LENGTH) ? text.substring(0, MAX_LENGTH) : text;
	}

	private static String group(InetAddress address) {
		if (address instanceof Inet4Address) {
			return address.getHostAddress();
		}
		byte[] bytes = address.getAddress();
		StringBuilder network = new StringBuilder();
		for (int i = 0; i < 8; i += 2) {
			network.append(Integer.toHexString(((bytes[i] & 0xff) << 8) | (bytes[i + 1] & 0xff))).append(':');
		}
		return network.append(":/64").toString();
	}

	/** Four numbers up to 255, written without leading zeros; null for anything else. */
	private static @Nullable String ipv4(String address) {
		StringJoiner canonical = new StringJoiner(".");
		for (String part : address.split("\\.")) {
			int number = Integer.parseInt(part);
			if (number > 255) {
				return null;
			}
			canonical.add(Integer.toString(number));
		}
		return canonical.toString();
	}

	private static String withoutBracketsAndZone(String address) {
		String bare = (address.startsWith("[") && address.endsWith("]"))
				? address.substring(1, address.length() - 1) : address;
		int zone = bare.indexOf('%');
		return (zone >= 0) ? bare.substring(0, zone) : bare;
	}

}
