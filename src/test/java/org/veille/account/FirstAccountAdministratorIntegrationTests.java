package org.veille.account;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import org.veille.support.IntegrationTest;
import org.veille.support.Posting;
import org.veille.support.TestPeople;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/** An instance with no {@code veille.admin.logins}: the first account created administers it, and is told so. */
@IntegrationTest
// The same properties as message.PostingRateIntegrationTests, so that both share one context.
@TestPropertySource(properties = { "veille.admin.logins=", "veille.limits.posts-per-minute=3",
		"veille.limits.posts-per-hour=5", "veille.limits.replies-per-minute=2" })
class FirstAccountAdministratorIntegrationTests {

	private static final String TOLD = "You administer this site because you created its first account.";

	@Autowired
	private MockMvc mvc;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private Administrators administrators;

	@Test
	void shouldMakeTheFirstAccountTheAdministratorAndSaySoOnItsHomePage() throws Exception {
		// Another account first, so that this one is never the database's first, whichever test ran before.
		TestPeople.signUp(this.mvc, TestPeople.uniqueName("earlier"));
		String login = TestPeople.uniqueName("later");
		MockHttpSession later = TestPeople.signUp(this.mvc, login);
		long laterId = idOf(login);
		record First(long id, String login) {
		}
		First first = this.jdbc.sql("select id, login from accounts order by id limit 1")
			.query((rs, row) -> new First(rs.getLong("id"), rs.getString("login")))
			.single();
		CurrentAccount firstAccount = new CurrentAccount(first.id(), first.login(), "{noop}unused",
				this.administrators.roleOf(first.id(), first.login()));
		var signedInAsFirst = authentication(UsernamePasswordAuthenticationToken.authenticated(firstAccount, null,
				firstAccount.getAuthorities()));

		assertThat(firstAccount.isAdmin()).isTrue();
		assertThat(this.administrators.isAdmin(laterId, login)).isFalse();
		String firstHome = this.mvc.perform(get("/").with(signedInAsFirst)).andReturn().getResponse().getContentAsString();
		assertThat(firstHome).contains(TOLD, "href=\"/admin/people\"");
		assertThat(this.mvc.perform(get("/admin/people").with(signedInAsFirst)).andReturn().getResponse().getStatus())
			.isEqualTo(200);
		assertThat(Posting.page(this.mvc, later, "/")).doesNotContain(TOLD).doesNotContain("href=\"/admin/people\"");
		assertThat(this.mvc.perform(get("/admin/people").session(later)).andReturn().getResponse().getStatus())
			.isEqualTo(403);
	}

	private long idOf(String login) {
		return this.jdbc.sql("select id from accounts where login = :login").param("login", login).query(Long.class).single();
	}

}
