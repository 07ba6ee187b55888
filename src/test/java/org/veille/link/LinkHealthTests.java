package org.veille.link;

import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.veille.link.fetch.FailureReason;
import org.veille.link.fetch.FetchOutcome.Failed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** What each failure says about the page behind a link. */
class LinkHealthTests {

	@ParameterizedTest(name = "{0} {1}: {2}")
	@MethodSource
	void shouldJudgeEachFailure(FailureReason reason, String detail, LinkHealth health) {
		assertThat(LinkHealth.of(new Failed(reason, detail))).isEqualTo(health);
	}

	static Stream<Arguments> shouldJudgeEachFailure() {
		return Stream.of(arguments(FailureReason.HTTP_STATUS, "404 Not Found", LinkHealth.GONE),
				arguments(FailureReason.HTTP_STATUS, "410", LinkHealth.GONE),
				arguments(FailureReason.HTTP_STATUS, "4040 Odd", LinkHealth.GONE_IF_LASTING),
				arguments(FailureReason.HTTP_STATUS, "500 Internal Server Error", LinkHealth.GONE_IF_LASTING),
				arguments(FailureReason.HTTP_STATUS, "301 Moved Permanently without a Location header",
						LinkHealth.GONE_IF_LASTING),
				arguments(FailureReason.DNS, "UnknownHostException: gone.example: Name or service not known",
						LinkHealth.GONE_WHEN_GIVEN_UP),
				arguments(FailureReason.DNS, "UnknownHostException: example.org: Temporary failure in name resolution",
						LinkHealth.GONE_IF_LASTING),
				arguments(FailureReason.REFUSED, "ConnectException: Connection refused", LinkHealth.GONE_IF_LASTING),
				arguments(FailureReason.TIMEOUT, "connect timed out", LinkHealth.GONE_IF_LASTING),
				arguments(FailureReason.TLS, "SSLHandshakeException", LinkHealth.GONE_IF_LASTING),
				arguments(FailureReason.BLOCKED_ADDRESS, "localhost is on a private network", LinkHealth.NO_SIGN),
				arguments(FailureReason.TOO_LARGE, "more than 2 MB", LinkHealth.NO_SIGN),
				arguments(FailureReason.BAD_URL, "not a valid http(s) address", LinkHealth.NO_SIGN));
	}

}
