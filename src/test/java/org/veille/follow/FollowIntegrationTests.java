package org.veille.follow;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import org.veille.support.IntegrationTest;
import org.veille.support.Posting;
import org.veille.support.Social;
import org.veille.support.TestPeople;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Follows of people, tags and sites, blocks, and the people page.
 */
@IntegrationTest
class FollowIntegrationTests {

	@Autowired
	private MockMvc mvc;

	@Autowired
	private JdbcClient jdbc;

	@Test
	void shouldRefuseToFollowOneselfWithAClearMessage() throws Exception {
		String login = TestPeople.uniqueName("narcissus");
		MockHttpSession me = TestPeople.signUp(this.mvc, login);

		this.mvc.perform(post("/people/" + login + "/follow").session(me).with(csrf()))
			.andExpect(redirectedUrl("/people/" + login))
			.andExpect(flash().attribute("problem", "follow.self"));
		this.mvc.perform(get("/people/" + login).session(me).flashAttr("problem", "follow.self")
			.flashAttr("problemArgs", new String[0]))
			.andExpect(content().string(containsString("You cannot follow yourself")));

		assertThat(follows(login)).isZero();
	}

	@Test
	void shouldListWhomIFollowAndWhoFollowsMe() throws Exception {
		String mine = TestPeople.uniqueName("me");
		String theirs = TestPeople.uniqueName("them");
		MockHttpSession me = TestPeople.signUp(this.mvc, mine);
		MockHttpSession them = TestPeople.signUp(this.mvc, theirs);

		Social.follow(this.mvc, me, theirs);
		Social.follow(this.mvc, me, theirs);
		Social.follow(this.mvc, them, mine);

		String page = Posting.page(this.mvc, me, "/people");
		assertThat(page).contains("One person I follow").contains("One person follows me");
		assertThat(page.split("href=\"/people/" + theirs + "\"", -1)).as("in both lists").hasSize(3);
		assertThat(Posting.page(this.mvc, me, "/people/" + theirs)).contains("Follows you").contains("/unfollow\"");

		this.mvc.perform(post("/people/" + theirs + "/unfollow").session(me).with(csrf()))
			.andExpect(redirectedUrl("/people/" + theirs));
		assertThat(Posting.page(this.mvc, me, "/people")).contains("You follow nobody yet");
		this.mvc.perform(post("/people/nobody-by-that-name/follow").session(me).with(csrf()))
			.andExpect(status().isNotFound());
	}

	@Test
	void shouldFollowAndUnfollowTagsAndSites() throws Exception {
		MockHttpSession me = TestPeople.signUp(this.mvc, TestPeople.uniqueName("curious"));
		String tag = TestPeople.uniqueName("Suivi");
		Posting.as(this.mvc, me, "Un fil #" + tag);

		this.mvc.perform(post("/follows/tags").session(me).with(csrf()).param("tag", tag))
			.andExpect(redirectedUrl("/tag/" + tag.toLowerCase()));
		assertThat(Posting.page(this.mvc, me, "/tag/" + tag.toLowerCase())).contains("Unfollow this tag");
		Social.followSite(this.mvc, me, "https://www.Example.org/blog/");
		Social.followSite(this.mvc, me, "example.net");

		String page = Posting.page(this.mvc, me, "/people");
		assertThat(page).contains("#" + tag).contains("<span>example.org/blog</span>").contains("<span>example.net</span>");

		this.mvc.perform(post("/follows/tags/remove").session(me).with(csrf()).param("tag", tag))
			.andExpect(redirectedUrl("/tag/" + tag.toLowerCase()));
		this.mvc.perform(post("/follows/sites/remove").session(me).with(csrf()).param("site", "example.net"))
			.andExpect(redirectedUrl("/people"));
		page = Posting.page(this.mvc, me, "/people");
		assertThat(page).doesNotContain("tag-chip\" rel=\"tag\" href=\"/tag/" + tag.toLowerCase())
			.doesNotContain("<span>example.net</span>")
			.contains("<span>example.org/blog</span>");
		this.mvc.perform(post("/follows/tags").session(me).with(csrf()).param("tag", "tag-that-nobody-used-" + tag))
			.andExpect(status().isNotFound());
	}

	@Test
	void shouldRefuseASiteThatIsNoneAndKeepWhatWasTyped() throws Exception {
		String login = TestPeople.uniqueName("sites");
		MockHttpSession me = TestPeople.signUp(this.mvc, login);

		for (String typed : new String[] { "not a site", "example.org/a/b/c/d", "https://", "" }) {
			this.mvc.perform(post("/follows/sites").session(me).with(csrf()).param("site", typed))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("aria-invalid=\"true\"")))
				.andExpect(content().string(containsString("value=\"" + typed + "\"")));
		}
		assertThat(this.jdbc.sql("""
				select count(*) from site_follows f join accounts a on a.id = f.account_id where a.login = ?
				""").param(login).query(Long.class).single()).isZero();
	}

	@Test
	void shouldForbidABlockedPersonToReplyToTheBlockersThreads() throws Exception {
		String blockerLogin = TestPeople.uniqueName("blocker");
		String blockedLogin = TestPeople.uniqueName("blocked");
		MockHttpSession blocker = TestPeople.signUp(this.mvc, blockerLogin);
		MockHttpSession blocked = TestPeople.signUp(this.mvc, blockedLogin);
		long thread = Posting.as(this.mvc, blocker, "Pas pour toi");
		Social.follow(this.mvc, blocker, blockedLogin);

		this.mvc.perform(post("/people/" + blockedLogin + "/block").session(blocker).with(csrf()))
			.andExpect(flash().attribute("notice", "block.done"));

		this.mvc.perform(post("/messages/" + thread + "/replies").session(blocked).with(csrf()).param("text", "Si !"))
			.andExpect(status().isForbidden())
			.andExpect(content().string(containsString("The author of this thread blocks you")));
		assertThat(Posting.page(this.mvc, blocked, "/messages/" + thread)).contains("The author of this thread blocks you")
			.doesNotContain("/replies\"");
		assertThat(this.jdbc.sql("select count(*) from messages where thread_id = ?").param(thread).query(Long.class)
			.single()).isZero();
		assertThat(follows(blockerLogin)).as("blocking stops following").isZero();
		assertThat(Posting.page(this.mvc, blocker, "/people")).contains("People I block")
			.contains("href=\"/people/" + blockedLogin + "\"");
		this.mvc.perform(post("/people/" + blockedLogin + "/follow").session(blocker).with(csrf()))
			.andExpect(flash().attribute("problem", "follow.blocking"));
		assertThat(follows(blockerLogin)).isZero();

		this.mvc.perform(post("/people/" + blockedLogin + "/unblock").session(blocker).with(csrf()))
			.andExpect(redirectedUrl("/people/" + blockedLogin));
		Posting.reply(this.mvc, blocked, thread, "Merci de m’avoir débloqué");
	}

	@Test
	void shouldSendVisitorsToTheLoginPageForPersonalPages() throws Exception {
		for (String path : new String[] { "/people", "/alerts" }) {
			this.mvc.perform(get(path)).andExpect(status().is3xxRedirection());
		}
	}

	private long follows(String login) {
		return this.jdbc.sql("""
				select count(*) from person_follows f join accounts a on a.id = f.follower_id where a.login = ?
				""").param(login).query(Long.class).single();
	}

}
