package org.veille.account;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import org.veille.support.IntegrationTest;
import org.veille.support.TestPeople;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The sign-up limit per address, in a context of its own where it is low (the shared one lifts it: many
 * tests sign people up from 127.0.0.1). Each test signs up from addresses of its own, never with
 * {@link TestPeople#signUp}, which would use 127.0.0.1 here too.
 */
@IntegrationTest
class SignupLimitIntegrationTests {

	private static final int LIMIT = 3;

	@Autowired
	private MockMvc mvc;

	@Autowired
	private JdbcClient jdbc;

	@LocalServerPort
	private int port;

	@DynamicPropertySource
	static void lowLimit(DynamicPropertyRegistry registry) {
		registry.add("veille.signup.per-address-per-hour", () -> LIMIT);
	}

	@Test
	void shouldRefuseASignUpPastTheLimitOfItsAddressSayingWhenToComeBack() throws Exception {
		String address = Visitor.randomIpv4();
		String prefix = TestPeople.uniqueName("flood");
		for (int i = 0; i < LIMIT; i++) {
			signUp(prefix + "_" + i, address).andExpect(redirectedUrl("/signup/sent"));
		}

		signUp(prefix + "_x", address).andExpect(status().isTooManyRequests())
			.andExpect(header().string("Retry-After", matchesPattern("[1-9][0-9]{0,3}")))
			.andExpect(content().string(containsString("Too many accounts were created from your network")))
			.andExpect(content().string(containsString("Try again in 60 minutes")))
			.andExpect(content().string(containsString("value=\"" + prefix + "_x\"")));
		assertThat(accountsStartingWith(prefix)).isEqualTo(LIMIT);
		signUp(prefix + "_y", Visitor.randomIpv4()).andExpect(redirectedUrl("/signup/sent"));
	}

	@Test
	void shouldCreateNoMoreAccountsThanTheLimitFromTwentySimultaneousSignUps() throws Exception {
		String address = Visitor.randomIpv4();
		String prefix = TestPeople.uniqueName("rush");

		List<HttpResponse<String>> answers = Burst.of(20, (i) -> {
			Visitor visitor = new Visitor(this.port, address);
			String token = visitor.openForm("/signup");
			String login = prefix + "_" + i;
			return () -> visitor.submit("/signup", token,
					Map.of("login", login, "email", login + "@example.org", "password", TestPeople.PASSWORD));
		});

		assertThat(answers).filteredOn((answer) -> answer.statusCode() == 302).hasSize(LIMIT);
		assertThat(answers).filteredOn((answer) -> answer.statusCode() == 429)
			.hasSize(20 - LIMIT)
			.allSatisfy((answer) -> assertThat(answer.headers().firstValue("Retry-After")).isPresent());
		assertThat(accountsStartingWith(prefix)).isEqualTo(LIMIT);
	}

	@Test
	void shouldCountSignUpsFromOneIpv6SlashSixtyFourTogether() throws Exception {
		String network = Visitor.randomIpv6Network();
		String prefix = TestPeople.uniqueName("six");
		for (int i = 1; i <= LIMIT; i++) {
			signUp(prefix + "_" + i, network + "::" + i).andExpect(redirectedUrl("/signup/sent"));
		}

		signUp(prefix + "_x", network + ":ffff:ffff:ffff:ffff").andExpect(status().isTooManyRequests());
		signUp(prefix + "_y", Visitor.randomIpv6Network() + "::1").andExpect(redirectedUrl("/signup/sent"));
	}

	@Test
	void shouldNotCountSignUpsThatWereRefusedForAnotherReason() throws Exception {
		String address = Visitor.randomIpv4();
		String prefix = TestPeople.uniqueName("retry");
		signUp(prefix + "_0", address).andExpect(redirectedUrl("/signup/sent"));
		for (int i = 0; i < LIMIT; i++) {
			signUp(prefix + "_0", address).andExpect(status().isOk())
				.andExpect(content().string(containsString("This login is already taken")));
		}

		for (int i = 1; i < LIMIT; i++) {
			signUp(prefix + "_" + i, address).andExpect(redirectedUrl("/signup/sent"));
		}
	}

	private ResultActions signUp(String login, String address) throws Exception {
		return this.mvc.perform(post("/signup").with(csrf())
			.param("login", login)
			.param("email", login + "@example.org")
			.param("password", TestPeople.PASSWORD)
			.with((request) -> {
				request.setRemoteAddr(address);
				return request;
			}));
	}

	private long accountsStartingWith(String prefix) {
		return this.jdbc.sql("select count(*) from accounts where login like ?")
			.param(prefix + "\\_%")
			.query(Long.class)
			.single();
	}

}
