package org.veille.outbound;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Reads numeric hosts the way {@code inet_aton}, curl and browsers do (WHATWG URL "IPv4 parser"): one to four
 * parts, each decimal, octal ({@code 0177}) or hexadecimal ({@code 0x7f}), the last part filling the remaining
 * bytes. So {@code 2130706433}, {@code 0x7f.1} and {@code 0177.0.0.1} are all 127.0.0.1. Java's own parser reads
 * {@code 0177.0.0.1} as 177.0.0.1 and hands {@code 0x7f.1} to DNS; parsing here means the address checked is the
 * address the host names everywhere else, and the one connected to.
 */
final class Ipv4Literals {

	private Ipv4Literals() {
	}

	/**
	 * @return the address when the host ends in a number, empty when it is a name to resolve
	 * @throws UnknownHostException when the host ends in a number but is no valid IPv4 address ({@code 1.2.3.256},
	 *     {@code 08.1}): such names never resolve
	 */
	static Optional<Inet4Address> parse(String host) throws UnknownHostException {
		List<String> parts = parts(host);
		if (!isNumber(parts.get(parts.size() - 1))) {
			return Optional.empty();
		}
		if (parts.size() > 4) {
			throw new UnknownHostException("Not a valid IPv4 address: " + host);
		}
		long value = 0;
		for (int i = 0; i < parts.size(); i++) {
			long part = number(parts.get(i), host);
			boolean last = i == parts.size() - 1;
			long limit = last ? 1L << (8 * (4 - i)) : 256;
			if (part >= limit) {
				throw new UnknownHostException("Not a valid IPv4 address: " + host);
			}
			value = last ? value + part : value + (part << (8 * (3 - i)));
		}
		byte[] bytes = {(byte) (value >>> 24), (byte) (value >>> 16), (byte) (value >>> 8), (byte) value};
		return Optional.of((Inet4Address) InetAddress.getByAddress(bytes));
	}

	private static List<String> parts(String host) {
		List<String> parts = Arrays.asList(host.split("\\.", -1));
		if (parts.size() > 1 && parts.get(parts.size() - 1).isEmpty()) {
			return parts.subList(0, parts.size() - 1);
		}
		return parts;
	}

	private static boolean isNumber(String lastPart) {
		if (!lastPart.isEmpty() && lastPart.chars().allMatch(c -> c >= '0' && c <= '9')) {
			return true;
		}
		return isHexPrefixed(lastPart) && lastPart.substring(2).chars().allMatch(c -> asciiDigit(c, 16) >= 0);
	}

	private static long number(String part, String host) throws UnknownHostException {
		int radix = 10;
		String digits = part;
		if (isHexPrefixed(part)) {
			radix = 16;
			digits = part.substring(2);
		}
		else if (part.length() > 1 && part.startsWith("0")) {
			radix = 8;
			digits = part.substring(1);
		}
		if (digits.isEmpty()) {
			if (part.isEmpty()) {
				throw new UnknownHostException("Not a valid IPv4 address: " + host);
			}
			return 0;
		}
		long value = 0;
		for (char c : digits.toCharArray()) {
			int digit = asciiDigit(c, radix);
			if (digit < 0) {
				throw new UnknownHostException("Not a valid IPv4 address: " + host);
			}
			value = value * radix + digit;
			if (value > 0xffff_ffffL) {
				throw new UnknownHostException("Not a valid IPv4 address: " + host);
			}
		}
		return value;
	}

	/** Like {@link Character#digit} without the digits of other scripts. */
	private static int asciiDigit(int c, int radix) {
		return c < 0x80 ? Character.digit(c, radix) : -1;
	}

	private static boolean isHexPrefixed(String part) {
		return part.length() >= 2 && part.charAt(0) == '0' && (part.charAt(1) == 'x' || part.charAt(1) == 'X');
	}
}
