package org.veille.siteinfo;

import java.time.Duration;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import org.veille.support.Admins;
import org.veille.support.IntegrationTest;
import org.veille.support.Mailbox;
import org.veille.support.Posting;
import org.veille.support.QueryCounting;
import org.veille.support.TestPeople;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The site's name and description, as an administrator sets them on /admin/site: in every page's header,
 * title and footer and in the feeds, on this instance at once and on the others when PostgreSQL announces it.
 * Each test leaves the default name back, as the other tests expect it.
 */
@IntegrationTest
class SiteNameIntegrationTests {

	@Autowired
	private MockMvc mvc;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private CurrentSiteInfo siteInfo;

	@Autowired
	private Mailbox mailbox;

	@AfterEach
	void nameTheSiteVeilleAgain() throws Exception {
		this.jdbc.sql("update site_settings set name = 'Veille', description = ''").update();
		await().atMost(Duration.ofSeconds(10)).until(() -> this.siteInfo.get().equals(SiteInfo.DEFAULT));
	}

	@Test
	void shouldShowTheSavedNameAndDescriptionInEveryPageAndFeed() throws Exception {
		MockHttpSession admin = Admins.signIn(this.mvc, this.jdbc);
		MockHttpSession author = TestPeople.signUp(this.mvc, TestPeople.uniqueName("namedsite"));
		String tag = TestPeople.uniqueName("communs");
		Posting.as(this.mvc, author, "Un atelier sur les jardins partagés #" + tag);

		MvcResult saved = rename(admin, "Veille des communs", "Liens sur les communs & les coopératives");

		assertThat(saved.getResponse().getStatus()).isEqualTo(302);
		String home = Posting.page(this.mvc, null, "/");
		assertThat(home).contains("<title>Veille des communs</title>",
				"<a class=\"brand\" href=\"/\">Veille des communs</a>",
				"<meta name=\"description\" content=\"Liens sur les communs &amp; les coopératives\">",
				"<p class=\"site-description\">Liens sur les communs &amp; les coopératives</p>");
		assertThat(Posting.page(this.mvc, null, "/tag/" + tag + "?lang=fr"))
			.contains("<title>#" + tag + " — Veille des communs</title>", ">Veille des communs</a>");
		String all = Posting.page(this.mvc, null, "/all/feed");
		assertThat(all).contains("<title>Veille des communs</title>",
				"<subtitle>Liens sur les communs &amp; les coopératives</subtitle>");
		assertThat(Posting.page(this.mvc, null, "/tag/" + tag + "/feed"))
			.contains("<title>#" + tag + " — Veille des communs</title>");
		assertThat(Posting.page(this.mvc, admin, "/admin/log")).contains("renamed the site", "Veille des communs");
	}

	@Test
	void shouldNameTheSiteInTheEmailsItSends() throws Exception {
		MockHttpSession admin = Admins.signIn(this.mvc, this.jdbc);
		rename(admin, "Revue du soir", "");
		String login = TestPeople.uniqueName("namedmail");

		TestPeople.signUp(this.mvc, login);

		MimeMessage confirmation = this.mailbox.awaitSubject(TestPeople.address(login), "onfirm");
		assertThat(Mailbox.subject(confirmation)).isEqualTo("Confirm your address on Revue du soir");
	}

	@Test
	void shouldShowTheNewNameOnTheAdministratorsNextPageThoughThePageWasKept() throws Exception {
		MockHttpSession admin = Admins.signIn(this.mvc, this.jdbc);
		awaitKept("/tags");

		rename(admin, "Revue de liens", "");

		assertThat(Posting.page(this.mvc, null, "/tags")).contains("— Revue de liens</title>")
			.doesNotContain("— Veille</title>")
			.doesNotContain("class=\"site-description\"");
	}

	@Test
	void shouldShowANameChangedByAnotherInstance() throws Exception {
		awaitKept("/all");

		// Outside this application, as another instance's administrator would change it.
		this.jdbc.sql("update site_settings set name = 'Veille partagée', description = 'Ailleurs aussi'").update();

		await().atMost(Duration.ofSeconds(10))
			.until(() -> Posting.page(this.mvc, null, "/all").contains(">Veille partagée</a>"));
		assertThat(Posting.page(this.mvc, null, "/all")).contains("<p class=\"site-description\">Ailleurs aussi</p>");
		assertThat(Posting.page(this.mvc, null, "/all/feed")).contains("<title>Veille partagée</title>");
	}

	@Test
	void shouldEscapeMarkupInTheName() throws Exception {
		MockHttpSession admin = Admins.signIn(this.mvc, this.jdbc);

		rename(admin, "<script>alert(1)</script> & co", "<b>gras</b>");

		String home = Posting.page(this.mvc, null, "/");
		assertThat(home).contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; co", "&lt;b&gt;gras&lt;/b&gt;")
			.doesNotContain("<script>alert(1)");
		assertThat(Posting.page(this.mvc, null, "/all/feed"))
			.contains("<title>&lt;script&gt;alert(1)&lt;/script&gt; &amp; co</title>");
	}

	@Test
	void shouldRemoveInvisibleCharactersAndJoinLines() throws Exception {
		MockHttpSession admin = Admins.signIn(this.mvc, this.jdbc);

		rename(admin, "  Veille\u202E\u0007 du\n\tsoir ", "Une\r\nligne");

		assertThat(this.jdbc.sql("select name || '|' || description from site_settings").query(String.class).single())
			.isEqualTo("Veille du soir|Une ligne");
	}

	@Test
	void shouldRefuseABlankOrTooLongNameAndKeepWhatWasTyped() throws Exception {
		MockHttpSession admin = Admins.signIn(this.mvc, this.jdbc);

		MvcResult blank = rename(admin, " \u200B\t", "Une description gardée");
		MvcResult longName = rename(admin, "n".repeat(SiteInfo.MAX_NAME + 1), "");
		MvcResult longDescription = rename(admin, "Bon nom", "d".repeat(SiteInfo.MAX_DESCRIPTION + 1));

		assertThat(blank.getResponse().getStatus()).isEqualTo(400);
		assertThat(blank.getResponse().getContentAsString()).contains("Give the site a name.", "Une description gardée");
		assertThat(longName.getResponse().getStatus()).isEqualTo(400);
		assertThat(longName.getResponse().getContentAsString())
			.contains("The name can have at most 60 characters.", "n".repeat(SiteInfo.MAX_NAME + 1));
		assertThat(longDescription.getResponse().getStatus()).isEqualTo(400);
		assertThat(longDescription.getResponse().getContentAsString())
			.contains("The description can have at most 300 characters.", "Bon nom");
		assertThat(this.jdbc.sql("select name from site_settings").query(String.class).single()).isEqualTo("Veille");
	}

	@Test
	void shouldLetOnlyAnAdministratorRenameTheSite() throws Exception {
		MockHttpSession someone = TestPeople.signUp(this.mvc, TestPeople.uniqueName("notadmin"));

		MvcResult asSomeone = rename(someone, "Pris", "");
		MvcResult anonymous = this.mvc
			.perform(post("/admin/site/name").with(csrf()).param("name", "Pris").param("description", ""))
			.andReturn();
		MvcResult withoutToken = this.mvc
			.perform(post("/admin/site/name").session(Admins.signIn(this.mvc, this.jdbc)).param("name", "Pris"))
			.andReturn();

		assertThat(asSomeone.getResponse().getStatus()).isEqualTo(403);
		assertThat(anonymous.getResponse().getStatus()).isEqualTo(302);
		assertThat(anonymous.getResponse().getRedirectedUrl()).endsWith("/login");
		assertThat(withoutToken.getResponse().getStatus()).isEqualTo(403);
		assertThat(this.jdbc.sql("select name from site_settings").query(String.class).single()).isEqualTo("Veille");
	}

	private MvcResult rename(MockHttpSession session, String name, String description) throws Exception {
		return this.mvc
			.perform(post("/admin/site/name").session(session)
				.with(csrf())
				.param("name", name)
				.param("description", description))
			.andReturn();
	}

	/** Waits until the page is served from memory, so that what follows shows the kept page is dropped. */
	private void awaitKept(String path) {
		await().atMost(Duration.ofSeconds(10)).until(() -> {
			Posting.page(this.mvc, null, path);
			QueryCounting.reset();
			Posting.page(this.mvc, null, path);
			return QueryCounting.statements() == 0;
		});
	}

}
