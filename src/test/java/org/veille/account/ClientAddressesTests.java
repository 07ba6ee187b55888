package org.veille.account;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class ClientAddressesTests {

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			203.0.113.7                              | 203.0.113.7
			203.000.113.07                           | 203.0.113.7
			' 203.0.113.7 '                          | 203.0.113.7
			2001:db8:1:2::5                          | 2001:db8:1:2::/64
			2001:0DB8:0001:0002:ffff:ffff:ffff:ffff  | 2001:db8:1:2::/64
			[2001:db8:1:2::5]                        | 2001:db8:1:2::/64
			fe80::1%eth0                             | fe80:0:0:0::/64
			0:0:0:0:0:0:0:1                          | 0:0:0:0::/64
			::ffff:203.0.113.7                       | 203.0.113.7
			2001:db8:1:3::5                          | 2001:db8:1:3::/64
			not-an-address.example                   | not-an-address.example
			2001:db8::zz                             | 2001:db8::zz
			999.1.1.1                                | 999.1.1.1
			""")
	void shouldGroupIpv6AddressesByTheirSlashSixtyFour(String address, String group) {
		assertThat(ClientAddresses.group(address)).isEqualTo(group);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			2001:db8:1:2::1 | 2001:db8:1:2:ffff:ffff:ffff:ffff
			2001:db8::1     | 2001:0db8:0000:0000::abcd
			""")
	void shouldCountEveryAddressOfOneSlashSixtyFourAsOne(String one, String other) {
		assertThat(ClientAddresses.group(one)).isEqualTo(ClientAddresses.group(other));
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			2001:db8:1:2::1 | 2001:db8:1:3::1
			203.0.113.7     | 203.0.113.8
			""")
	void shouldTellNeighboursApart(String one, String other) {
		assertThat(ClientAddresses.group(one)).isNotEqualTo(ClientAddresses.group(other));
	}

}
