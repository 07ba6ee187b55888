package org.veille.account;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.MockMvc;

import org.veille.support.IntegrationTest;
import org.veille.support.TestPeople;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Guesses sent at once through the real server, more of them than the connection pool holds (10):
 * each is counted before its password is checked, so no burst gets more checks than the limit allows.
 * The number of passwords checked is the number of "wrong password" answers: a refused attempt is
 * answered 429 without checking anything.
 */
@IntegrationTest
class LoginThrottleConcurrencyIntegrationTests {

	private static final int PER_ACCOUNT_AND_ADDRESS = LoginThrottle.MAX_PER_ACCOUNT_AND_ADDRESS;

	@Autowired
	private MockMvc mvc;

	@LocalServerPort
	private int port;

	@Test
	void shouldCheckOnlyFiveOfFiftySimultaneousGuessesFromOneAddress() throws Exception {
		String login = signUp("burst");
		String address = Visitor.randomIpv4();

		List<Outcome> outcomes = Burst.of(50, (i) -> signInLater(address, login, "wrong guess " + i));

		assertThat(outcomes).filteredOn(Outcome.WRONG::equals).hasSize(PER_ACCOUNT_AND_ADDRESS);
		assertThat(outcomes).filteredOn(Outcome.THROTTLED::equals).hasSize(50 - PER_ACCOUNT_AND_ADDRESS);
		assertThat(signIn(address, login, TestPeople.PASSWORD)).as("the right password, after the burst")
			.isEqualTo(Outcome.THROTTLED);
	}

	@Test
	void shouldNotSignInWithTheRightPasswordSentDuringABurstPastTheLimit() throws Exception {
		String login = signUp("during");
		String address = Visitor.randomIpv4();
		Burst<Outcome> guesses = Burst.start(40, (i) -> signInLater(address, login, "wrong guess " + i));
		await().until(() -> guesses.answered() >= PER_ACCOUNT_AND_ADDRESS);

		Outcome right = signIn(address, login, TestPeople.PASSWORD);

		assertThat(right).isEqualTo(Outcome.THROTTLED);
		assertThat(guesses.results()).doesNotContain(Outcome.SIGNED_IN)
			.filteredOn(Outcome.WRONG::equals)
			.hasSize(PER_ACCOUNT_AND_ADDRESS);
	}

	@Test
	void shouldAnswer429WithRetryAfterToSimultaneousBasicFailuresPastTheLimit() throws Exception {
		String login = signUp("basic");
		String address = Visitor.randomIpv4();
		String path = "/api/people/" + login + "/messages";

		List<HttpResponse<String>> answers = Burst.of(20, (i) -> {
			Visitor client = new Visitor(this.port, address);
			return () -> client.getWithBasic(path, login, "wrong guess " + i);
		});

		assertThat(answers).filteredOn((answer) -> answer.statusCode() == 401).hasSize(PER_ACCOUNT_AND_ADDRESS);
		List<HttpResponse<String>> refused = answers.stream().filter((answer) -> answer.statusCode() == 429).toList();
		assertThat(refused).hasSize(20 - PER_ACCOUNT_AND_ADDRESS).allSatisfy((answer) -> {
			assertThat(answer.headers().firstValue("Retry-After")).hasValueSatisfying(
					(seconds) -> assertThat(Long.parseLong(seconds)).isBetween(1L, LoginThrottle.WINDOW.toSeconds()));
			assertThat(answer.body()).contains("Too many sign-in attempts");
		});
	}

	@Test
	void shouldLimitGuessesOnOneAccountFromManyAddressesButLetTheOwnerInFromAKnownOne() throws Exception {
		String login = signUp("spread");
		String home = Visitor.randomIpv4();
		assertThat(signIn(home, login, TestPeople.PASSWORD)).isEqualTo(Outcome.SIGNED_IN);
		int guesses = LoginThrottle.MAX_PER_ACCOUNT + 10;

		List<Outcome> outcomes = Burst.of(guesses,
				(i) -> signInLater(Visitor.randomIpv4(), login, "wrong guess " + i));

		assertThat(outcomes).filteredOn(Outcome.WRONG::equals).hasSize(LoginThrottle.MAX_PER_ACCOUNT);
		assertThat(outcomes).filteredOn(Outcome.THROTTLED::equals).hasSize(10);
		assertThat(signIn(Visitor.randomIpv4(), login, TestPeople.PASSWORD)).as("from a new address")
			.isEqualTo(Outcome.THROTTLED);
		assertThat(signIn(home, login, TestPeople.PASSWORD)).as("from where the owner signed in before")
			.isEqualTo(Outcome.SIGNED_IN);
	}

	@Test
	void shouldCountTheAddressesOfOneIpv6SlashSixtyFourTogether() throws Exception {
		String login = signUp("six");
		String network = Visitor.randomIpv6Network();
		for (int i = 1; i <= PER_ACCOUNT_AND_ADDRESS; i++) {
			assertThat(signIn(network + "::" + Integer.toHexString(i), login, "wrong guess " + i))
				.isEqualTo(Outcome.WRONG);
		}

		assertThat(signIn(network + ":ffff:ffff:ffff:ffff", login, TestPeople.PASSWORD)).as("same /64")
			.isEqualTo(Outcome.THROTTLED);
		assertThat(signIn(Visitor.randomIpv6Network() + "::1", login, TestPeople.PASSWORD)).as("another /64")
			.isEqualTo(Outcome.SIGNED_IN);
	}

	private String signUp(String prefix) throws Exception {
		String login = TestPeople.uniqueName(prefix);
		TestPeople.signUp(this.mvc, login);
		return login;
	}

	private Outcome signIn(String address, String login, String password) throws Exception {
		return signInLater(address, login, password).call();
	}

	/** Opens the sign-in form now; what it returns sends it. */
	private Callable<Outcome> signInLater(String address, String login, String password) {
		Visitor visitor = new Visitor(this.port, address);
		String token = visitor.openForm("/login");
		return () -> Outcome.of(visitor.submit("/login", token, Map.of("username", login, "password", password)));
	}

	enum Outcome {

		SIGNED_IN, WRONG, THROTTLED, OTHER;

		static Outcome of(HttpResponse<String> response) {
			String location = response.headers().firstValue("Location").orElse("");
			if (response.statusCode() == 429 && response.body().contains("Too many sign-in attempts")) {
				return THROTTLED;
			}
			if (response.statusCode() == 302 && location.endsWith("/login?error")) {
				return WRONG;
			}
			if (response.statusCode() == 302 && !location.contains("/login")) {
				return SIGNED_IN;
			}
			return OTHER;
		}

	}

}
