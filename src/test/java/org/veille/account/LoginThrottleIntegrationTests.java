package org.veille.account;

import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.MockMvc;

import org.veille.support.IntegrationTest;
import org.veille.support.TestPeople;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sign-in throttle one attempt after another, through the real server; each test signs in from
 * addresses of its own ({@link Visitor}).
 */
@IntegrationTest
class LoginThrottleIntegrationTests {

	@Autowired
	private MockMvc mvc;

	@LocalServerPort
	private int port;

	@Test
	void shouldRefuseEvenTheRightPasswordAfterFiveFailuresAndSayHowLongToWait() throws Exception {
		String login = signUp("guessed");
		String attacker = Visitor.randomIpv4();
		for (int i = 0; i < LoginThrottle.MAX_PER_ACCOUNT_AND_ADDRESS; i++) {
			assertThat(location(signIn(attacker, login, "guess " + i))).endsWith("/login?error");
		}

		HttpResponse<String> refused = signIn(attacker, login, TestPeople.PASSWORD);

		assertThat(refused.statusCode()).isEqualTo(429);
		assertThat(refused.headers().firstValue("Retry-After")).hasValueSatisfying((seconds) -> assertThat(
				Long.parseLong(seconds)).isBetween(LoginThrottle.WINDOW.toSeconds() - 60, LoginThrottle.WINDOW.toSeconds()));
		assertThat(refused.body()).contains("Too many sign-in attempts on this account or from your network")
			.contains("Try again in 15 minutes")
			.contains("name=\"username\"");
	}

	@Test
	void shouldLetTheOwnerInFromElsewhereWhileAnotherAddressIsThrottled() throws Exception {
		String login = signUp("owner");
		String attacker = Visitor.randomIpv4();
		for (int i = 0; i <= LoginThrottle.MAX_PER_ACCOUNT_AND_ADDRESS; i++) {
			signIn(attacker, login, "guess " + i);
		}

		assertThat(location(signIn(Visitor.randomIpv4(), login, TestPeople.PASSWORD))).doesNotContain("/login");
	}

	@Test
	void shouldForgetEarlierFailuresAfterASuccessfulSignIn() throws Exception {
		String login = signUp("typo");
		String address = Visitor.randomIpv4();
		for (int i = 0; i < LoginThrottle.MAX_PER_ACCOUNT_AND_ADDRESS - 1; i++) {
			signIn(address, login, "typo " + i);
		}
		assertThat(location(signIn(address, login, TestPeople.PASSWORD))).doesNotContain("/login");

		for (int i = 0; i < LoginThrottle.MAX_PER_ACCOUNT_AND_ADDRESS - 1; i++) {
			assertThat(location(signIn(address, login, "typo again " + i))).endsWith("/login?error");
		}
		assertThat(location(signIn(address, login, TestPeople.PASSWORD))).doesNotContain("/login");
	}

	@Test
	void shouldNotCountRequestsWithTheRightBasicCredentialsAgainstTheAddress() throws Exception {
		String login = signUp("poller");
		Visitor client = new Visitor(this.port, Visitor.randomIpv4());

		for (int i = 0; i <= LoginThrottle.MAX_PER_ADDRESS; i++) {
			assertThat(client.getWithBasic("/api/people/" + login + "/messages", login, TestPeople.PASSWORD).statusCode())
				.as("request %d", i)
				.isEqualTo(200);
		}
	}

	@Test
	void shouldRefuseAnAddressTryingManyLoginsPastItsLimit() throws Exception {
		String address = Visitor.randomIpv4();
		String prefix = TestPeople.uniqueName("nobody");
		for (int i = 0; i < LoginThrottle.MAX_PER_ADDRESS; i++) {
			assertThat(location(signIn(address, prefix + "_" + i, "guess"))).endsWith("/login?error");
		}

		assertThat(signIn(address, prefix + "_last", "guess").statusCode()).isEqualTo(429);
	}

	private String signUp(String prefix) throws Exception {
		String login = TestPeople.uniqueName(prefix);
		TestPeople.signUp(this.mvc, login);
		return login;
	}

	private HttpResponse<String> signIn(String address, String login, String password) {
		Visitor visitor = new Visitor(this.port, address);
		String token = visitor.openForm("/login");
		return visitor.submit("/login", token, Map.of("username", login, "password", password));
	}

	private static String location(HttpResponse<String> response) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(302);
		return response.headers().firstValue("Location").orElseThrow();
	}

}
