package org.veille.blogfeed;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.veille.outbound.OutboundClient;
import org.veille.outbound.OutboundProperties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** The addresses refused when a feed is added, under the production policy (public addresses, ports 80 and 443). */
class FeedAddressesTests {

	private final FeedAddresses addresses = new FeedAddresses(new OutboundClient(OutboundProperties.defaults()));

	@ParameterizedTest
	@CsvSource({ "http://10.0.0.1/feed.xml, blogfeeds.error.blocked-address",
			"http://127.0.0.1/feed.xml, blogfeeds.error.blocked-address",
			"http://[::1]/feed.xml, blogfeeds.error.blocked-address",
			"http://169.254.169.254/latest, blogfeeds.error.blocked-address",
			"http://2130706433/feed, blogfeeds.error.blocked-address",
			"http://example.org:22/feed, blogfeeds.error.blocked-port",
			"javascript:alert(1), blogfeeds.error.not-a-url",
			"file:///etc/passwd, blogfeeds.error.not-a-url",
			"data:text/xml;base64:PHJzcy8+, blogfeeds.error.not-a-url" })
	void shouldRefuse(String url, String key) {
		assertThatExceptionOfType(FeedRefusedException.class).isThrownBy(() -> this.addresses.check(url))
			.satisfies((ex) -> assertThat(ex.messageKey()).isEqualTo(key));
	}

	@ParameterizedTest
	@CsvSource({ "https://blog.example.org/feed.xml", "http://localhost/feed.xml" })
	void shouldAcceptANameLeavingItsAddressToEachPoll(String url) {
		assertThat(this.addresses.check(url)).isEqualTo(url);
	}

}
