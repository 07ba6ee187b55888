package org.veille.admin;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import org.veille.support.Admins;
import org.veille.support.IntegrationTest;
import org.veille.support.Posting;
import org.veille.support.TestPeople;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

@IntegrationTest
class SuspensionIntegrationTests {

	private static final Pattern TOKEN = Pattern.compile("<code id=\"new-token\">(veille_[A-Za-z0-9_-]+)</code>");

	@Autowired
	private MockMvc mvc;

	@Autowired
	private JdbcClient jdbc;

	@Test
	void shouldAnswerTheOrdinaryForbiddenPageToSomeoneWhoIsNotAnAdministrator() throws Exception {
		MockHttpSession someone = TestPeople.signUp(this.mvc, TestPeople.uniqueName("curious"));

		for (String path : new String[] { "/admin", "/admin/people", "/admin/log", "/admin/people?q=a" }) {
			MvcResult result = this.mvc.perform(get(path).session(someone)).andReturn();
			assertThat(result.getResponse().getStatus()).as(path).isEqualTo(403);
			assertThat(result.getResponse().getContentAsString()).as(path)
				.doesNotContain("Suspend", "Moderation log", "admin/people", "Administration");
		}
		MvcResult suspend = this.mvc.perform(post("/admin/people/" + Admins.LOGIN + "/suspend").session(someone).with(csrf()))
			.andReturn();
		assertThat(suspend.getResponse().getStatus()).isEqualTo(403);
		assertThat(isSuspended(Admins.LOGIN)).isFalse();
	}

	@Test
	void shouldFindPeopleByLoginOrAddressForAnAdministrator() throws Exception {
		String login = TestPeople.uniqueName("findme");
		TestPeople.signUp(this.mvc, login);
		MockHttpSession admin = Admins.signIn(this.mvc, this.jdbc);

		String byLogin = Posting.page(this.mvc, admin, "/admin/people?q=" + login.toUpperCase());
		String byAddress = Posting.page(this.mvc, admin, "/admin/people?q=" + TestPeople.address(login));
		String nobody = Posting.page(this.mvc, admin, "/admin/people?q=nobody_" + login);

		assertThat(byLogin).contains("@" + login, TestPeople.address(login));
		assertThat(byAddress).contains("@" + login);
		assertThat(nobody).doesNotContain("@" + login).contains("Nobody matches.");
		assertThat(Posting.page(this.mvc, admin, "/")).contains("href=\"/admin/people\"");
	}

	@Test
	void shouldFindTheAccountsMadeFromOneAddress() throws Exception {
		String address = "198.51.100." + (System.nanoTime() % 200 + 20);
		String first = TestPeople.uniqueName("sameaddr");
		String second = TestPeople.uniqueName("sameaddr");
		for (String login : new String[] { first, second }) {
			this.mvc.perform(post("/signup").with(csrf())
				.param("login", login)
				.param("email", TestPeople.address(login))
				.param("password", TestPeople.PASSWORD)
				.with((request) -> {
					request.setRemoteAddr(address);
					return request;
				}));
		}
		MockHttpSession admin = Admins.signIn(this.mvc, this.jdbc);

		String found = Posting.page(this.mvc, admin, "/admin/people?q=" + address);

		assertThat(found).contains("@" + first, "@" + second, "signed up from " + address);
	}

	@Test
	void shouldSuspendSomeoneEverywhereAtOnceAndLiftItWithEverythingBack() throws Exception {
		String login = TestPeople.uniqueName("spammer");
		String word = "zq" + login.replace("_", "");
		String tag = "t" + word;
		MockHttpSession spammer = TestPeople.signUp(this.mvc, login);
		MockHttpSession otherSession = TestPeople.signIn(this.mvc, login);
		String token = newToken(spammer);
		long thread = Posting.as(this.mvc, spammer, "Buy " + word + " now https://spam.example.org/" + word + " #" + tag);
		MockHttpSession neighbour = TestPeople.signUp(this.mvc, TestPeople.uniqueName("neighbour"));
		long theirs = Posting.as(this.mvc, neighbour, "A calm thread about rivers");
		long reply = Posting.reply(this.mvc, spammer, theirs, "Also buy " + word + " here");
		assertThat(Posting.page(this.mvc, null, "/tag/" + tag)).contains("Buy " + word);
		assertThat(Posting.page(this.mvc, null, "/messages/" + theirs)).contains("Also buy " + word);
		MockHttpSession admin = Admins.signIn(this.mvc, this.jdbc);

		MvcResult suspended = this.mvc
			.perform(post("/admin/people/" + login + "/suspend").session(admin).with(csrf()).param("note", "spam"))
			.andReturn();

		assertThat(suspended.getResponse().getRedirectedUrl()).isEqualTo("/admin/people?q=" + login);
		assertThat(suspended.getFlashMap().get("notice")).isEqualTo("admin.people.suspended.done");
		// Their open sessions end at the next request, and they cannot sign in again.
		assertThat(this.mvc.perform(get("/settings").session(otherSession)).andReturn().getResponse().getStatus())
			.isEqualTo(302);
		assertThat(this.mvc.perform(post("/post").session(spammer).with(csrf()).param("text", "more " + word))
			.andReturn()
			.getResponse()
			.getRedirectedUrl()).contains("/login");
		assertThat(signIn(login).getResponse().getRedirectedUrl()).isEqualTo("/login?suspended=1");
		assertThat(Posting.page(this.mvc, null, "/login?suspended=1")).contains("This account is suspended.");
		// Their API token and password: 401.
		assertThat(api(post("/api/messages"), "Bearer " + token)).isEqualTo(401);
		assertThat(api(post("/api/messages"), basic(login))).isEqualTo(401);
		// Their thread and reply: gone from every page, feed, search and the API.
		assertThat(this.mvc.perform(get("/messages/" + thread)).andReturn().getResponse().getStatus()).isEqualTo(404);
		assertThat(Posting.page(this.mvc, null, "/messages/" + theirs)).contains("A calm thread")
			.doesNotContain(word);
		assertThat(Posting.page(this.mvc, null, "/tag/" + tag)).doesNotContain("Buy " + word);
		assertThat(Posting.page(this.mvc, null, "/all")).doesNotContain(word);
		assertThat(Posting.page(this.mvc, null, "/search?q=" + word)).doesNotContain("Buy " + word);
		assertThat(Posting.page(this.mvc, null, "/people/" + login + "/feed")).doesNotContain(word);
		assertThat(Posting.page(this.mvc, null, "/people/" + login)).doesNotContain("Buy " + word);
		assertThat(Posting.page(this.mvc, null, "/api/people/" + login + "/messages")).doesNotContain(word);
		assertThat(Posting.page(this.mvc, admin, "/admin/log")).contains("@" + login, "suspended the account", "spam");
		assertThat(Posting.page(this.mvc, admin, "/admin/people?q=" + login)).contains("Lift the suspension");

		MvcResult lifted = this.mvc.perform(post("/admin/people/" + login + "/unsuspend").session(admin).with(csrf()))
			.andReturn();

		assertThat(lifted.getFlashMap().get("notice")).isEqualTo("admin.people.unsuspended.done");
		assertThat(Posting.page(this.mvc, null, "/messages/" + thread)).contains("Buy " + word);
		assertThat(Posting.page(this.mvc, null, "/messages/" + theirs)).contains("Also buy " + word);
		assertThat(Posting.page(this.mvc, null, "/tag/" + tag)).contains("Buy " + word);
		assertThat(Posting.page(this.mvc, null, "/search?q=" + word)).contains("Buy " + word);
		assertThat(Posting.page(this.mvc, null, "/people/" + login + "/feed")).contains(word);
		assertThat(signIn(login).getResponse().getRedirectedUrl()).isEqualTo("/");
		assertThat(api(get("/api/messages/" + reply), "Bearer " + token)).isEqualTo(200);
		assertThat(Posting.page(this.mvc, admin, "/admin/log")).contains("lifted the suspension");
		assertThat(this.jdbc.sql("select reply_count from messages where id = :id").param("id", theirs)
			.query(Integer.class)
			.single()).isEqualTo(1);
	}

	@Test
	void shouldKeepWhatTheAuthorDeletedDeletedWhenASuspensionIsLifted() throws Exception {
		String login = TestPeople.uniqueName("deleter");
		MockHttpSession person = TestPeople.signUp(this.mvc, login);
		long deleted = Posting.as(this.mvc, person, "A thread its author took back " + login);
		Posting.delete(this.mvc, person, deleted);
		long kept = Posting.as(this.mvc, person, "A thread that stays " + login);
		MockHttpSession admin = Admins.signIn(this.mvc, this.jdbc);

		this.mvc.perform(post("/admin/people/" + login + "/suspend").session(admin).with(csrf()));
		MvcResult again = this.mvc.perform(post("/admin/people/" + login + "/suspend").session(admin).with(csrf()))
			.andReturn();
		this.mvc.perform(post("/admin/people/" + login + "/unsuspend").session(admin).with(csrf()));

		assertThat(again.getFlashMap().get("problem")).isEqualTo("admin.people.already-suspended");
		assertThat(this.mvc.perform(get("/messages/" + deleted)).andReturn().getResponse().getStatus()).isEqualTo(404);
		assertThat(Posting.page(this.mvc, null, "/messages/" + kept)).contains("A thread that stays");
	}

	@Test
	void shouldRefuseToSuspendOneselfOrSomeoneUnknown() throws Exception {
		MockHttpSession admin = Admins.signIn(this.mvc, this.jdbc);

		MvcResult self = this.mvc.perform(post("/admin/people/" + Admins.LOGIN + "/suspend").session(admin).with(csrf()))
			.andReturn();
		MvcResult unknown = this.mvc.perform(post("/admin/people/nobody_at_all_x/suspend").session(admin).with(csrf()))
			.andReturn();

		assertThat(self.getFlashMap().get("problem")).isEqualTo("admin.people.self");
		assertThat(unknown.getFlashMap().get("problem")).isEqualTo("admin.people.unknown");
		assertThat(isSuspended(Admins.LOGIN)).isFalse();
	}

	private MvcResult signIn(String login) throws Exception {
		return this.mvc.perform(post("/login").with(csrf()).param("username", login).param("password", TestPeople.PASSWORD))
			.andReturn();
	}

	private int api(MockHttpServletRequestBuilder request, String authorization) throws Exception {
		return this.mvc.perform(request.header("Authorization", authorization)
			.contentType("application/atom+xml")
			.content("<entry xmlns=\"http://www.w3.org/2005/Atom\"><summary>Still here</summary></entry>"))
			.andReturn()
			.getResponse()
			.getStatus();
	}

	private static String basic(String login) {
		return "Basic " + Base64.getEncoder()
			.encodeToString((login + ":" + TestPeople.PASSWORD).getBytes(StandardCharsets.UTF_8));
	}

	private String newToken(MockHttpSession session) throws Exception {
		String page = this.mvc.perform(post("/settings/api/tokens").session(session).with(csrf()).param("name", "script"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		Matcher matcher = TOKEN.matcher(page);
		assertThat(matcher.find()).as("new token shown on %s", page).isTrue();
		return matcher.group(1);
	}

	private boolean isSuspended(String login) {
		return this.jdbc.sql("select count(*) from accounts where login = :login and suspended_at is not null")
			.param("login", login)
			.query(Long.class)
			.single() > 0;
	}

}
