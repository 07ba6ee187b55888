package org.veille.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Inet6Address;
import java.net.InetAddress;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SpecialPurposeAddressesTests {

	@ParameterizedTest(name = "{0} public: {1}")
	@CsvSource({
		// IPv4
		"0.0.0.0, false", "0.255.255.255, false", "10.0.0.1, false", "10.255.255.255, false",
		"100.63.255.255, true", "100.64.0.1, false", "100.127.255.255, false", "100.128.0.0, true",
		"127.0.0.1, false", "127.255.255.254, false", "169.254.169.254, false", "172.15.255.255, true",
		"172.16.0.1, false", "172.31.255.255, false", "172.32.0.0, true", "192.0.0.8, false", "192.0.2.1, false",
		"192.88.99.1, false", "192.168.1.1, false", "198.18.0.1, false", "198.51.100.7, false", "203.0.113.9, false",
		"224.0.0.1, false", "239.255.255.250, false", "240.0.0.1, false", "255.255.255.255, false",
		"1.1.1.1, true", "8.8.8.8, true", "93.184.215.14, true", "192.169.0.1, true", "223.255.255.255, true",
		// IPv6
		"::, false", "::1, false", "fe80::1, false", "febf::1, false", "fc00::1, false", "fd12:3456::1, false",
		"ff02::1, false", "ff0e::1, false", "2001:db8::1, false", "2001::1, false", "100::1, false",
		"64:ff9b:1::1, false", "3fff::1, false", "fec0::1, false",
		"2606:4700::1, true", "2a00:1450:4007::200e, true", "2001:4860:4860::8888, true",
		// IPv6 carrying IPv4: judged by the IPv4 address
		"::ffff:127.0.0.1, false", "::127.0.0.1, false", "::10.0.0.1, false", "64:ff9b::10.0.0.1, false",
		"64:ff9b::127.0.0.1, false", "64:ff9b::93.184.215.14, true", "2002:7f00:1::1, false",
		"2002:c0a8:101::1, false", "2002:5db8:d70e::1, true"})
	void shouldTellPublicAddresses(String literal, boolean expected) throws Exception {
		assertThat(SpecialPurposeAddresses.isPublic(InetAddress.getByName(literal))).isEqualTo(expected);
	}

	@Test
	void shouldJudgeIpv4MappedAddressKeptAsIpv6ByItsIpv4() throws Exception {
		byte[] mappedLoopback = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff, 127, 0, 0, 1};
		InetAddress address = Inet6Address.getByAddress(null, mappedLoopback, -1);

		assertThat(address).isInstanceOf(Inet6Address.class);
		assertThat(SpecialPurposeAddresses.isPublic(address)).isFalse();
	}
}
