package org.veille.admin;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import org.veille.support.Admins;
import org.veille.support.IntegrationTest;
import org.veille.support.Posting;
import org.veille.support.TestPeople;
import org.veille.support.WebSession;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/** Sign-up modes and invitation links; each test leaves sign-ups open, as the other tests need them. */
@IntegrationTest
class SignupModeIntegrationTests {

	private static final Pattern LINK = Pattern.compile("<code id=\"invitation-link\">[^<]*/signup\\?invitation=([A-Za-z0-9_-]+)</code>");

	@Autowired
	private MockMvc mvc;

	@Autowired
	private JdbcClient jdbc;

	@LocalServerPort
	private int port;

	@AfterEach
	void openSignUpsAgain() {
		this.jdbc.sql("update site_settings set signup_mode = 'open'").update();
	}

	@Test
	void shouldRefuseEverySignUpWhileSignUpsAreClosed() throws Exception {
		MockHttpSession admin = Admins.signIn(this.mvc, this.jdbc);
		setMode(admin, "closed");
		String login = TestPeople.uniqueName("late");

		MvcResult page = this.mvc.perform(get("/signup")).andReturn();
		MvcResult sent = signUp(login, null);

		assertThat(page.getResponse().getStatus()).isEqualTo(403);
		assertThat(page.getResponse().getContentAsString()).contains("Sign-ups are closed on this site.")
			.doesNotContain("name=\"password\"");
		assertThat(sent.getResponse().getStatus()).isEqualTo(403);
		assertThat(sent.getResponse().getContentAsString()).contains("Sign-ups are closed on this site.");
		assertThat(accounts(login)).isZero();
		assertThat(Posting.page(this.mvc, admin, "/admin/log")).contains("changed the sign-up mode", "closed");
	}

	@Test
	void shouldLetAnInvitationLinkSignUpAsManyPeopleAsItAllowsThenSayItIsSpent() throws Exception {
		MockHttpSession admin = Admins.signIn(this.mvc, this.jdbc);
		setMode(admin, "invitation");
		String token = invite(admin, 7, 2);
		String first = TestPeople.uniqueName("invited");
		String second = TestPeople.uniqueName("invited");
		String third = TestPeople.uniqueName("invited");

		MvcResult without = signUp(TestPeople.uniqueName("uninvited"), null);
		MvcResult withoutPage = this.mvc.perform(get("/signup")).andReturn();
		MvcResult form = this.mvc.perform(get("/signup").param("invitation", token)).andReturn();
		MvcResult one = signUp(first, token);
		MvcResult two = signUp(second, token);
		MvcResult three = signUp(third, token);
		MvcResult spentPage = this.mvc.perform(get("/signup").param("invitation", token)).andReturn();

		assertThat(without.getResponse().getStatus()).isEqualTo(403);
		assertThat(withoutPage.getResponse().getContentAsString()).contains("Sign-ups on this site are by invitation");
		assertThat(form.getResponse().getStatus()).isEqualTo(200);
		assertThat(form.getResponse().getContentAsString()).contains("name=\"invitation\" value=\"" + token + "\"");
		assertThat(one.getResponse().getRedirectedUrl()).isEqualTo("/signup/sent");
		assertThat(two.getResponse().getRedirectedUrl()).isEqualTo("/signup/sent");
		assertThat(three.getResponse().getStatus()).isEqualTo(410);
		assertThat(three.getResponse().getContentAsString()).contains("This invitation link has expired or has been used",
				"value=\"" + third + "\"");
		assertThat(spentPage.getResponse().getStatus()).isEqualTo(410);
		assertThat(accounts(first) + accounts(second) + accounts(third)).isEqualTo(2);
	}

	@Test
	void shouldRefuseAnExpiredInvitationAndBoundsOutOfReach() throws Exception {
		MockHttpSession admin = Admins.signIn(this.mvc, this.jdbc);
		setMode(admin, "invitation");
		String token = invite(admin, 1, 5);
		this.jdbc.sql("update invitations set expires_at = now() - interval '1 minute' where id = (select max(id) from invitations)")
			.update();
		String login = TestPeople.uniqueName("tardy");

		MvcResult expired = signUp(login, token);
		MvcResult tooMany = this.mvc.perform(post("/admin/site/invitations").session(admin).with(csrf())
			.param("days", "7")
			.param("uses", "100000")).andReturn();
		MvcResult badMode = this.mvc.perform(post("/admin/site/signup-mode").session(admin).with(csrf())
			.param("mode", "sometimes")).andReturn();

		assertThat(expired.getResponse().getStatus()).isEqualTo(410);
		assertThat(accounts(login)).isZero();
		assertThat(tooMany.getFlashMap().get("problem")).isEqualTo("admin.site.invitation.bounds");
		assertThat(badMode.getResponse().getStatus()).isEqualTo(400);
	}

	@Test
	void shouldMakeExactlyOneAccountWhenManyUseAOneUseLinkAtOnce() throws Exception {
		MockHttpSession admin = Admins.signIn(this.mvc, this.jdbc);
		setMode(admin, "invitation");
		String token = invite(admin, 7, 1);
		String run = TestPeople.uniqueName("race");
		// More clients than the pool has connections.
		int clients = 12;
		List<WebSession> sessions = new ArrayList<>();
		List<String> csrfTokens = new ArrayList<>();
		for (int i = 0; i < clients; i++) {
			WebSession session = new WebSession(this.port);
			sessions.add(session);
			csrfTokens.add(WebSession.csrfOf(session.get("/signup?invitation=" + token).body()));
		}
		CyclicBarrier start = new CyclicBarrier(clients);
		ExecutorService threads = Executors.newFixedThreadPool(clients);
		List<Future<HttpResponse<String>>> answers = new ArrayList<>();
		try {
			for (int i = 0; i < clients; i++) {
				WebSession session = sessions.get(i);
				Map<String, String> form = Map.of("_csrf", csrfTokens.get(i), "login", run + "r" + i, "email",
						run + "r" + i + "@example.org", "password", TestPeople.PASSWORD, "invitation", token);
				answers.add(threads.submit(() -> {
					start.await(30, TimeUnit.SECONDS);
					return session.post("/signup", form);
				}));
			}
			int made = 0;
			int refused = 0;
			for (Future<HttpResponse<String>> answer : answers) {
				int status = answer.get(120, TimeUnit.SECONDS).statusCode();
				made += (status == 302) ? 1 : 0;
				refused += (status == 410) ? 1 : 0;
			}
			assertThat(made).isEqualTo(1);
			assertThat(refused).isEqualTo(clients - 1);
		}
		finally {
			threads.shutdownNow();
		}
		assertThat(this.jdbc.sql("select count(*) from accounts where login like :prefix")
			.param("prefix", run + "r%")
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	private void setMode(MockHttpSession admin, String mode) throws Exception {
		MvcResult result = this.mvc.perform(post("/admin/site/signup-mode").session(admin).with(csrf()).param("mode", mode))
			.andReturn();
		assertThat(result.getFlashMap().get("notice")).isEqualTo("admin.site.mode.done." + mode);
		// Followed, as a browser would: the notice is shown, and leaves the session.
		assertThat(Posting.page(this.mvc, admin, "/admin/site")).contains("aria-current=\"page\">Site");
	}

	private String invite(MockHttpSession admin, int days, int uses) throws Exception {
		MvcResult made = this.mvc.perform(post("/admin/site/invitations").session(admin).with(csrf())
			.param("days", String.valueOf(days))
			.param("uses", String.valueOf(uses))).andReturn();
		assertThat(made.getResponse().getRedirectedUrl()).isEqualTo("/admin/site");
		String page = Posting.page(this.mvc, admin, "/admin/site");
		Matcher matcher = LINK.matcher(page);
		assertThat(matcher.find()).as("invitation link on %s", page).isTrue();
		return matcher.group(1);
	}

	private MvcResult signUp(String login, String invitation) throws Exception {
		var request = post("/signup").with(csrf())
			.param("login", login)
			.param("email", TestPeople.address(login))
			.param("password", TestPeople.PASSWORD);
		if (invitation != null) {
			request = request.param("invitation", invitation);
		}
		return this.mvc.perform(request).andReturn();
	}

	private long accounts(String login) {
		return this.jdbc.sql("select count(*) from accounts where login = :login").param("login", login)
			.query(Long.class)
			.single();
	}

}
