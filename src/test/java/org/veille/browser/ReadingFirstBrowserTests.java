package org.veille.browser;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import org.veille.support.IntegrationTest;
import org.veille.support.Posting;
import org.veille.support.TestPeople;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Threads first (issue 15): on tag, site, person and search pages the threads come right after the heading and
 * its one-line summary; what surrounds them (related tags, children, tags starting alike, a bio) is a side
 * column on a wide screen and comes after the threads on a phone, in the page's order for the keyboard too.
 * The tag page is as busy as a popular tag's: 24 related tags, children and tags starting alike.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReadingFirstBrowserTests {

	@RegisterExtension
	static final Browser browser = new Browser();

	@Autowired
	private MockMvc mvc;

	@LocalServerPort
	private int port;

	private String key;

	private String author;

	private String site;

	@BeforeAll
	void fillABusyTag() throws Exception {
		this.author = TestPeople.uniqueName("busy");
		MockHttpSession session = TestPeople.signUp(this.mvc, this.author);
		this.mvc.perform(post("/settings").session(session)
			.with(csrf())
			.param("displayName", "Une lectrice assidue")
			.param("bio", "Je suis les entrepôts, la logistique et le fisc des grandes plateformes depuis dix ans.")
			.param("email", this.author + "@example.org")
			.param("language", "")).andExpect(status().is3xxRedirection());
		String tag = "Amazon_" + this.author;
		this.key = tag.toLowerCase(Locale.ROOT);
		this.site = "example.org/lecture-" + this.author;
		String related = IntStream.range(0, 24)
			.mapToObj((i) -> "#Voisin" + i + "_" + this.author)
			.collect(Collectors.joining(" "));
		Posting.as(this.mvc, session, "Les entrepôts et le fisc\nhttps://" + this.site + "/fisc\n\n#" + tag + " " + related);
		for (int i = 0; i < 6; i++) {
			Posting.as(this.mvc, session, "Un sous-dossier " + i + "\nhttps://" + this.site + "/dossier" + i + "/page\n\n#"
					+ tag + "/enfant" + i);
		}
		for (int i = 0; i < 4; i++) {
			Posting.as(this.mvc, session, "Un autre sujet " + i + " #" + tag + "_bis" + i);
		}
		for (int i = 0; i < 8; i++) {
			Posting.as(this.mvc, session, "Lecture " + i + " sur les entrepôts\nhttps://" + this.site + "/article" + i
					+ "\n\n❝Un extrait assez long pour se lire comme une citation, qui prend deux ou trois lignes sur un"
					+ " téléphone.❞\n\nMon avis, en quelques mots : le fisc finit toujours par trouver les entrepôts. #"
					+ tag + " " + related);
		}
	}

	@ParameterizedTest(name = "language: {0}")
	@ValueSource(strings = { "en", "fr" })
	void shouldStartTheFirstThreadWithinTheFirstScreenOfAPhone(String language) {
		Pages pages = new Pages(browser, this.port);
		browser.screen(390, 844);
		pages.open("/tag/" + this.key + "?lang=" + language);
		browser.waitForVisible(By.cssSelector(".thread-list article.card"));

		assertThat(browser.findAll(By.cssSelector(".tag-related li"))).as("a busy tag").hasSizeGreaterThanOrEqualTo(20);
		assertThat(browser.findAll(By.cssSelector(".tag-children li"))).hasSizeGreaterThanOrEqualTo(6);
		assertThat(browser.findAll(By.cssSelector(".tag-alike li"))).hasSizeGreaterThanOrEqualTo(4);
		Map<String, Number> first = browser.box(".thread-list article.card");
		assertThat(first.get("top").doubleValue()).as("top of the first thread in %s", language)
			.isLessThan(first.get("height").doubleValue());
		browser.screenshot(Browser.screenshots().resolve("reading").resolve("tag-phone-" + language + ".png"));
	}

	@ParameterizedTest(name = "dark theme: {0}")
	@ValueSource(booleans = { false, true })
	void shouldShowWhereTheWordsOfASearchWereFound(boolean dark) {
		Pages pages = new Pages(browser, this.port);
		browser.darkTheme(dark);
		pages.open("/search?q=entrepots+fisc");
		browser.waitForVisible(By.cssSelector(".thread-list article.result"));

		assertThat(browser.findAll(By.cssSelector(".thread-list .passage mark"))).extracting((mark) -> mark.getText())
			.contains("entrepôts", "fisc");
		Accessibility.assertNoSeriousViolation(browser, "search results (" + (dark ? "dark" : "light") + ")");
		browser.screenshot(Browser.screenshots().resolve("reading").resolve("search-words-" + (dark ? "dark" : "light")
				+ ".png"));
	}

	@ParameterizedTest(name = "dark theme: {0}")
	@ValueSource(booleans = { false, true })
	void shouldPutWhatSurroundsTheThreadsBesideThemWhenWideAndAfterThemOnAPhone(boolean dark) {
		String theme = dark ? "dark" : "light";
		Map<String, String> paths = new LinkedHashMap<>();
		paths.put("tag", "/tag/" + this.key);
		paths.put("site", "/sites/" + this.site);
		paths.put("person", "/people/" + this.author);
		paths.put("search", "/search?q=" + this.key);
		Pages pages = new Pages(browser, this.port);
		browser.darkTheme(dark);
		for (int width : new int[] { 1280, Browser.PHONE_WIDTH }) {
			browser.width(width);
			paths.forEach((name, path) -> {
				pages.open(path);
				browser.waitForVisible(By.cssSelector(".thread-list article.card"));
				String what = name + " at " + width + " px (" + theme + ")";
				assertThat(browser.comesAfter(".reading-aside", ".thread-list")).as(what + ": side column after the threads in the page")
					.isTrue();
				assertThat(browser.positiveTabIndexes()).as(what + ": keyboard order is the page's").isZero();
				Map<String, Number> list = browser.box(".thread-list");
				Map<String, Number> aside = browser.box(".reading-aside");
				if (width == Browser.PHONE_WIDTH) {
					assertThat(aside.get("top").doubleValue()).as(what + ": side column below the threads")
						.isGreaterThanOrEqualTo(list.get("bottom").doubleValue());
				}
				else {
					assertThat(aside.get("left").doubleValue()).as(what + ": side column to the right")
						.isGreaterThanOrEqualTo(list.get("right").doubleValue());
					assertThat(aside.get("top").doubleValue()).as(what + ": side column level with the top")
						.isLessThan(list.get("top").doubleValue());
				}
				assertThat(browser.scrollsSideways()).as(what + ": scrolls sideways").isFalse();
				Accessibility.assertNoSeriousViolation(browser, what);
				browser.screenshot(Browser.screenshots().resolve("reading").resolve(name + "-" + theme + "-" + width + ".png"));
			});
		}
	}

}
