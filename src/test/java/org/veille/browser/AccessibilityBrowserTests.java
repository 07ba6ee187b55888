package org.veille.browser;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import org.veille.support.Admins;
import org.veille.support.IntegrationTest;
import org.veille.support.Posting;
import org.veille.support.Social;
import org.veille.support.TestPeople;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * axe-core on every main page, signed out and signed in, in the light and the dark theme, on a wide
 * screen and a phone: no serious or critical violation, and no page wider than the phone. The pages are
 * filled (a thread with a quote, tags, a link, replies and a star) so that every part is checked.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessibilityBrowserTests {

	@RegisterExtension
	static final Browser browser = new Browser();

	@Autowired
	private MockMvc mvc;

	@Autowired
	private JdbcClient jdbc;

	@LocalServerPort
	private int port;

	private String reader;

	private String writer;

	private String tag;

	private long thread;

	private String suspended;

	@BeforeAll
	void fillThePages() throws Exception {
		this.reader = TestPeople.uniqueName("reader");
		this.writer = TestPeople.uniqueName("writer");
		this.tag = "Accessible_" + TestPeople.uniqueName("t");
		MockHttpSession me = TestPeople.signUp(this.mvc, this.reader);
		MockHttpSession them = TestPeople.signUp(this.mvc, this.writer);
		this.thread = Posting.as(this.mvc, them, "Des pages lisibles par tous\nhttps://example.org/a11y/" + this.writer
				+ "\n\n❝Un extrait assez long pour se lire comme une citation, avec ses nuances.❞\n\nMon avis. #"
				+ this.tag + " #" + this.tag + "/enfant");
		Posting.reply(this.mvc, me, this.thread, "Une réponse qui mentionne @" + this.writer);
		Social.star(this.mvc, me, this.thread);
		Social.follow(this.mvc, me, this.writer);
		Social.followTag(this.mvc, me, this.tag);
		// A feed of the reader's blog whose polls fail (nothing answers on port 9): its status says so.
		this.mvc.perform(post("/settings/feeds").session(me).with(csrf()).param("url",
				"http://127.0.0.1:9/un/chemin/assez/long/pour/voir/si/l-adresse-du-flux-deborde-sur-un-telephone/feed.xml"));
		// The administration's pages: a report waiting in the queue, a person suspended.
		this.mvc.perform(post("/messages/" + this.thread + "/report").session(me).with(csrf())
			.param("reason", "spam")
			.param("note", "Le même lien dans dix fils en une heure."));
		this.suspended = TestPeople.uniqueName("suspendu");
		Posting.as(this.mvc, TestPeople.signUp(this.mvc, this.suspended),
				"Gagnez gros https://spam.example.org/" + this.suspended);
		this.mvc.perform(post("/admin/people/" + this.suspended + "/suspend").session(Admins.signIn(this.mvc, this.jdbc))
			.with(csrf())
			.param("note", "spam"));
	}

	@ParameterizedTest(name = "dark theme: {0}")
	@ValueSource(booleans = { false, true })
	void shouldFindNoSeriousViolationOnTheAdministrationPages(boolean dark) {
		String theme = dark ? "dark" : "light";
		Map<String, String> admin = new LinkedHashMap<>();
		admin.put("admin-people", "/admin/people?q=" + this.suspended);
		admin.put("admin-people-all", "/admin/people");
		admin.put("admin-reports", "/admin/reports");
		admin.put("admin-log", "/admin/log");
		admin.put("admin-site", "/admin/site");
		admin.put("report", "/messages/" + this.thread + "/report");

		Pages pages = new Pages(browser, this.port);
		browser.darkTheme(dark);
		pages.signIn(Admins.LOGIN);
		check(pages, admin, theme);
	}

	@ParameterizedTest(name = "dark theme: {0}")
	@ValueSource(booleans = { false, true })
	void shouldFindNoSeriousViolationOnAnyMainPage(boolean dark) {
		String theme = dark ? "dark" : "light";
		Map<String, String> signedOut = new LinkedHashMap<>();
		signedOut.put("home-signed-out", "/");
		signedOut.put("signup", "/signup");
		signedOut.put("login", "/login");
		signedOut.put("thread-signed-out", "/messages/" + this.thread);
		signedOut.put("search-signed-out", "/search?q=extrait");
		Map<String, String> signedIn = new LinkedHashMap<>();
		signedIn.put("home", "/");
		signedIn.put("thread", "/messages/" + this.thread);
		signedIn.put("tag", "/tag/" + this.tag.toLowerCase(Locale.ROOT));
		signedIn.put("person", "/people/" + this.writer);
		signedIn.put("post", "/post?title=Un+titre&url=https%3A%2F%2Fexample.org%2Fx&selection=Un+passage");
		signedIn.put("settings", "/settings");
		signedIn.put("blog-feeds", "/settings/feeds");
		signedIn.put("all", "/all");
		signedIn.put("alerts", "/alerts");
		signedIn.put("people", "/people");
		signedIn.put("search", "/search?q=" + this.tag.toLowerCase(Locale.ROOT));
		signedIn.put("tags", "/tags");

		Pages pages = new Pages(browser, this.port);
		browser.darkTheme(dark);
		check(pages, signedOut, theme);
		pages.signIn(this.reader);
		check(pages, signedIn, theme);
	}

	private void check(Pages pages, Map<String, String> paths, String theme) {
		for (int width : new int[] { 1280, Browser.PHONE_WIDTH }) {
			browser.width(width);
			paths.forEach((name, path) -> {
				pages.open(path);
				browser.waitForVisible(By.tagName("main"));
				if (width != Browser.PHONE_WIDTH) {
					// The same markup at both widths: axe once per theme; the phone checks the layout.
					Accessibility.assertNoSeriousViolation(browser, name + " (" + theme + ")");
				}
				assertThat(browser.scrollsSideways()).as(name + " at " + width + " px scrolls sideways").isFalse();
				browser.screenshot(Browser.screenshots().resolve("pages").resolve(name + "-" + theme + "-" + width + ".png"));
			});
		}
	}

}
