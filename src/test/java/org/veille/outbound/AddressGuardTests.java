package org.veille.outbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AddressGuardTests {

	private static final Map<String, List<String>> FAKE_DNS = Map.of(
			"news.example", List.of("93.184.215.14", "2606:4700::1"),
			"metadata.cloud.example", List.of("169.254.169.254"),
			"mixed.example", List.of("93.184.215.14", "10.0.0.1"),
			"mapped.example", List.of("::ffff:192.168.0.1"));

	private final AddressGuard guard = new AddressGuard(AddressGuardTests::fakeDns, AddressPolicy.publicInternetOnly());

	@ParameterizedTest
	@ValueSource(strings = {"127.0.0.1", "::1", "[::1]", "0.0.0.0", "10.0.0.1", "172.16.0.1", "192.168.1.1",
		"169.254.169.254", "100.64.0.1", "fc00::1", "fe80::1", "::ffff:127.0.0.1", "2130706433", "0x7f.1",
		"0177.0.0.1", "127.1", "metadata.cloud.example", "mapped.example"})
	void shouldRefuseNonPublicAddresses(String host) {
		assertThatExceptionOfType(BlockedAddressException.class).isThrownBy(() -> guard.check(host));
	}

	@Test
	void shouldRefuseLocalhostWithSystemResolver() {
		AddressGuard systemGuard = new AddressGuard(AddressResolver.system(), AddressPolicy.publicInternetOnly());

		assertThatExceptionOfType(BlockedAddressException.class).isThrownBy(() -> systemGuard.check("localhost"));
	}

	@Test
	void shouldRefuseNameWhenAnyOfItsAddressesIsPrivate() {
		assertThatExceptionOfType(BlockedAddressException.class).isThrownBy(() -> guard.check("mixed.example"))
				.satisfies(ex -> assertThat(ex.address().getHostAddress()).isEqualTo("10.0.0.1"));
	}

	@ParameterizedTest
	@ValueSource(strings = {"93.184.215.14", "2606:4700::1", "[2606:4700::1]", "1.1.1.1", "0x5db8d70e"})
	void shouldPassPublicAddressesWithoutConnecting(String host) throws Exception {
		assertThat(guard.check(host)).singleElement().satisfies(address -> assertThat(
				AddressPolicy.publicInternetOnly().permits(address)).isTrue());
	}

	@Test
	void shouldReturnEveryAddressOfPublicName() throws Exception {
		assertThat(guard.check("news.example")).extracting(InetAddress::getHostAddress)
				.containsExactly("93.184.215.14", "2606:4700:0:0:0:0:0:1");
	}

	@Test
	void shouldReadNumericHostLikeTheOperatingSystem() throws Exception {
		assertThat(guard.check("0x5db8d70e")).extracting(InetAddress::getHostAddress).containsExactly("93.184.215.14");
	}

	@Test
	void shouldLetEverythingThroughWhenPrivateAddressesAllowed() throws Exception {
		AddressGuard lenient = AddressGuard.forSettings(OutboundTesting.local());

		assertThat(lenient.check("127.0.0.1")).extracting(InetAddress::getHostAddress).containsExactly("127.0.0.1");
	}

	@ParameterizedTest
	@ValueSource(strings = {"nowhere.example", "1.2.3.256", "08.0.0.1", "1.2.3.4.5"})
	void shouldReportUnresolvableHosts(String host) {
		assertThatExceptionOfType(UnknownHostException.class).isThrownBy(() -> guard.check(host));
	}

	private static List<InetAddress> fakeDns(String host) throws UnknownHostException {
		List<String> addresses = FAKE_DNS.get(host);
		if (addresses == null) {
			throw new UnknownHostException(host);
		}
		List<InetAddress> resolved = new ArrayList<>();
		for (String address : addresses) {
			resolved.add(InetAddress.getByName(address));
		}
		return resolved;
	}
}
