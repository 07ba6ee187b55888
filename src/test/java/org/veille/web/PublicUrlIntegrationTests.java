package org.veille.web;

import java.nio.charset.StandardCharsets;

import com.github.benmanes.caffeine.cache.Cache;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import org.veille.support.IntegrationTest;
import org.veille.support.Posting;
import org.veille.support.RawHttp;
import org.veille.support.TestPeople;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * With {@code veille.public-url} set, every absolute address Veille writes is on that address, whatever
 * {@code Host} a request came with: feeds, redirects, canonical links, API answers, the bookmarklet, exports,
 * the WebSub hub's topics; and the page cache keeps one copy of a page for every host. Requests go through
 * the real server, so that Tomcat's own redirects and cookies are tested too.
 */
@IntegrationTest
@TestPropertySource(properties = { "veille.public-url=https://veille.example.org",
		"spring.datasource.hikari.maximum-pool-size=4" })
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PublicUrlIntegrationTests {

	private static final String PUBLIC = "https://veille.example.org";

	private static final String HOSTILE = "evil.example";

	@LocalServerPort
	private int port;

	@Autowired
	private MockMvc mvc;

	@Autowired
	private Cache<?, ?> pageCache;

	private String login = "";

	private String tag = "";

	private MockHttpSession session = new MockHttpSession();

	private long thread;

	@BeforeAll
	void postAThread() throws Exception {
		this.login = TestPeople.uniqueName("public");
		this.tag = this.login.replace("_", "");
		this.session = TestPeople.signUp(this.mvc, this.login);
		this.thread = Posting.as(this.mvc, this.session, "Seen from afar #" + this.tag + "\nhttps://news.example.net/a");
	}

	@Test
	void shouldWriteFeedsWithThePublicAddressOnly() throws Exception {
		for (String feed : new String[] { "/tag/" + this.tag + "/feed", "/all/feed", "/messages/" + this.thread + "/feed",
				"/people/" + this.login + "/feed" }) {
			RawHttp.Answer answer = RawHttp.get(this.port, HOSTILE, feed);

			assertThat(answer.status()).as(feed).isEqualTo(200);
			assertThat(answer.bodyText()).as(feed)
				.contains("href=\"" + PUBLIC + feed + "\"", "href=\"" + PUBLIC + "/websub/hub\"")
				.doesNotContain(HOSTILE);
		}
		assertThat(RawHttp.get(this.port, HOSTILE, "/tag/" + this.tag + "/feed").bodyText())
			.contains(PUBLIC + "/messages/" + this.thread, PUBLIC + "/people/" + this.login, PUBLIC + "/tag/" + this.tag);
	}

	@Test
	void shouldRedirectToThePublicAddressOnly() throws Exception {
		RawHttp.Answer signIn = RawHttp.get(this.port, HOSTILE, "/post");
		RawHttp.Answer canonical = RawHttp.get(this.port, HOSTILE, "/tag/" + this.tag.toUpperCase());

		assertThat(signIn.status()).isEqualTo(302);
		assertThat(signIn.header(HttpHeaders.LOCATION)).hasValue(PUBLIC + "/login");
		assertThat(canonical.status()).isEqualTo(301);
		assertThat(canonical.header(HttpHeaders.LOCATION)).hasValueSatisfying((location) -> assertThat(location)
			.isIn("/tag/" + this.tag, PUBLIC + "/tag/" + this.tag));
	}

	@Test
	void shouldGiveCanonicalLinksOnThePublicAddress() throws Exception {
		RawHttp.Answer page = RawHttp.get(this.port, HOSTILE, "/tag/" + this.tag);

		assertThat(page.status()).isEqualTo(200);
		assertThat(page.bodyText()).contains("<link rel=\"canonical\" href=\"" + PUBLIC + "/tag/" + this.tag + "\">")
			.doesNotContain(HOSTILE);
	}

	@Test
	void shouldAnswerTheApiWithThePublicAddress() throws Exception {
		RawHttp.Answer entry = RawHttp.get(this.port, HOSTILE, "/api/messages/" + this.thread);

		assertThat(entry.status()).isEqualTo(200);
		assertThat(entry.bodyText()).contains(PUBLIC + "/people/" + this.login).doesNotContain(HOSTILE);
	}

	@Test
	void shouldBuildTheBookmarkletExportsAndTheHomeFeedAddressOnThePublicAddress() throws Exception {
		String bookmarklet = this.mvc.perform(get("/settings/bookmarklet").session(this.session).header("Host", HOSTILE))
			.andReturn().getResponse().getContentAsString();
		String export = this.mvc.perform(get("/settings/export/json").session(this.session).header("Host", HOSTILE))
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		// The new feed address is shown once, on the page the renewal redirects to.
		this.mvc.perform(post("/settings/api/home-feed").session(this.session).header("Host", HOSTILE).with(csrf()));
		String tools = this.mvc.perform(get("/settings/api").session(this.session).header("Host", HOSTILE))
			.andReturn().getResponse().getContentAsString();

		assertThat(bookmarklet).contains(PUBLIC + "/post").doesNotContain(HOSTILE);
		assertThat(export).contains(PUBLIC + "/messages/" + this.thread).doesNotContain(HOSTILE);
		assertThat(tools).contains(PUBLIC + "/feeds/home/").doesNotContain(HOSTILE);
	}

	@Test
	void shouldTakeTheHubsTopicsOnThePublicAddressOnly() throws Exception {
		int ours = this.mvc.perform(post("/websub/hub").header("Host", HOSTILE).contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.param("hub.mode", "publish").param("hub.url", PUBLIC + "/all/feed"))
			.andReturn().getResponse().getStatus();
		int theirs = this.mvc.perform(post("/websub/hub").header("Host", HOSTILE).contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.param("hub.mode", "publish").param("hub.url", "http://" + HOSTILE + "/all/feed"))
			.andReturn().getResponse().getStatus();

		assertThat(ours).isEqualTo(204);
		assertThat(theirs).isEqualTo(400);
	}

	@Test
	void shouldKeepOneCopyOfAPageWhateverTheHost() throws Exception {
		String page = "/people/" + this.login + "/only";
		RawHttp.get(this.port, "one.example", page);
		this.pageCache.cleanUp();
		long kept = this.pageCache.estimatedSize();

		for (String host : new String[] { "two.example", "three.example:8080", HOSTILE }) {
			assertThat(RawHttp.get(this.port, host, page).status()).isEqualTo(200);
		}
		this.pageCache.cleanUp();

		assertThat(this.pageCache.estimatedSize()).isEqualTo(kept);
	}

	@Test
	void shouldMarkTheSessionCookieSecureBehindAnHttpsAddress() throws Exception {
		RawHttp.Answer login = RawHttp.get(this.port, HOSTILE, "/login");

		assertThat(login.header(HttpHeaders.SET_COOKIE)).hasValueSatisfying((cookie) -> assertThat(cookie)
			.startsWith("SESSION=").containsIgnoringCase("; Secure"));
	}

}
