package org.veille.outbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.net.UnknownHostException;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class Ipv4LiteralsTests {

	@ParameterizedTest(name = "{0} is {1}")
	@CsvSource({
		"127.0.0.1, 127.0.0.1", "2130706433, 127.0.0.1", "0x7f.1, 127.0.0.1", "0177.0.0.1, 127.0.0.1",
		"127.1, 127.0.0.1", "0x7F000001, 127.0.0.1", "017700000001, 127.0.0.1", "127.0.0.1., 127.0.0.1",
		"0, 0.0.0.0", "0x, 0.0.0.0", "1.2.3, 1.2.0.3", "10.65535, 10.0.255.255", "0xc0.0250.1, 192.168.0.1",
		"4294967295, 255.255.255.255"})
	void shouldReadNumericHostLikeInetAton(String host, String expected) throws Exception {
		assertThat(Ipv4Literals.parse(host)).hasValueSatisfying(
				address -> assertThat(address.getHostAddress()).isEqualTo(expected));
	}

	@ParameterizedTest
	@ValueSource(strings = {"example.org", "localhost", "1.2.3.example", "0x7f.example", "xn--caf-dma.fr", "a1"})
	void shouldLeaveNamesToTheResolver(String host) throws Exception {
		assertThat(Ipv4Literals.parse(host)).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = {"1.2.3.256", "256.1.1.1", "08.0.0.1", "1.2.3.4.5", "4294967296", "example.1",
		"1..2", "0xfg.1", "١٢٧.0.0.1"})
	void shouldRefuseHostsEndingInNumberThatAreNoAddress(String host) {
		assertThatExceptionOfType(UnknownHostException.class).isThrownBy(() -> Ipv4Literals.parse(host));
	}
}
