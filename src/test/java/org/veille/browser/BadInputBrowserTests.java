package org.veille.browser;

import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import org.springframework.boot.test.web.server.LocalServerPort;

import org.veille.support.IntegrationTest;
import org.veille.support.TestPeople;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What goes wrong in a browser: a form sent twice, a session that expires while a person types, a tag
 * or address too long for a phone's screen.
 */
@IntegrationTest
class BadInputBrowserTests {

	@RegisterExtension
	static final Browser browser = new Browser();

	@LocalServerPort
	private int port;

	private Pages pages;

	@BeforeEach
	void pages() {
		this.pages = new Pages(browser, this.port);
	}

	@Test
	void shouldCreateOneMessageWhenTheFormIsSentTwice() {
		String login = TestPeople.uniqueName("twice");
		this.pages.signUp(login);
		browser.type(By.id("text"), "Envoyé deux fois\nhttps://example.org/deux-fois/" + login);
		WebElement page = browser.find(By.tagName("html"));
		// Two clicks in a row, faster than any page load.
		browser.driver().executeScript("var b = document.querySelector('form.post-form button[type=submit]'); b.click(); b.click();");
		browser.waitForLeaving(page);
		browser.waitFor(ExpectedConditions.urlMatches("/messages/\\d+$"));

		this.pages.open("/people/" + login);
		List<WebElement> cards = browser.findAll(By.cssSelector(".thread-list article.card"));
		assertThat(cards).hasSize(1);
		assertThat(cards.get(0).getText()).contains("Envoyé deux fois");
	}

	@Test
	void shouldKeepTheTextWhenTheSessionExpiredWhileTyping() {
		String login = TestPeople.uniqueName("slow");
		String text = "Écrit lentement\nhttps://example.org/lent/" + login + "\n\n❝Un long passage❞ et mon avis.";
		this.pages.signUp(login);
		browser.type(By.id("text"), text);
		browser.driver().manage().deleteCookieNamed("SESSION");

		browser.find(By.cssSelector("form.post-form button[type=submit]")).click();
		browser.waitFor(ExpectedConditions.urlMatches("/login$"));
		this.pages.submitSignIn(login);

		WebElement box = browser.waitForVisible(By.id("text"));
		assertThat(box.getDomProperty("value")).isEqualTo(text);
		assertThat(browser.find(By.cssSelector(".notice.draft-restored")).getText()).contains("Your unsent text was kept");
		browser.clickAndWaitForNextPage(browser.find(By.cssSelector("form.post-form button[type=submit]")));
		browser.waitFor(ExpectedConditions.urlMatches("/messages/\\d+$"));
		assertThat(browser.find(By.cssSelector("article.card blockquote")).getText()).contains("Un long passage");

		this.pages.open("/");
		assertThat(browser.find(By.id("text")).getDomProperty("value")).as("the draft is forgotten once sent").isEmpty();
	}

	@Test
	void shouldSayWhileTypingThatTheTextIsOverTheLengthLimit() {
		this.pages.signUp(TestPeople.uniqueName("limit"));
		// Typing 20,001 characters key by key would take minutes: the script gets the input event typing sends.
		browser.driver().executeScript("var box = document.getElementById('text'); box.value = arguments[0];"
				+ " box.dispatchEvent(new Event('input'));", "Trop long\n" + "http://-".repeat(2_500));

		WebElement preview = browser.waitForVisible(By.id("text-preview"));
		browser.waitFor(ExpectedConditions.textToBePresentInElement(preview, "the limit is 20,000"));
		assertThat(preview.findElement(By.cssSelector(".preview-problem")).getText())
			.isEqualTo("Your message has 20,010 characters; the limit is 20,000. Shorten it and post again.");
	}

	@Test
	void shouldNotScrollSidewaysOnAPhoneWithAVeryLongTagOrAddress() {
		String login = TestPeople.uniqueName("long");
		// As long as a tag may be (100 characters), with no place to break it.
		String tag = "Un_tag_vraiment_tres_long_" + "sans_espace_".repeat(4) + TestPeople.uniqueName("x");
		tag = tag + "x".repeat(100 - tag.length());
		String address = "https://example.org/" + "un-chemin-interminable-".repeat(20) + "?q=" + "x".repeat(200);
		this.pages.signUp(login);
		browser.width(Browser.PHONE_WIDTH);
		browser.type(By.id("text"), "Un titre lui aussi très long: " + "Anticonstitutionnellement".repeat(8) + "\n"
				+ address + "\n#" + tag);
		browser.clickAndWaitForNextPage(browser.find(By.cssSelector("form.post-form button[type=submit]")));
		String threadPath = browser.currentPath();
		assertThat(threadPath).as("the post was taken").matches("/messages/\\d+");

		for (String path : List.of(threadPath, "/tag/" + tag.toLowerCase(Locale.ROOT), "/", "/people/" + login)) {
			this.pages.open(path);
			browser.waitForVisible(By.tagName("main"));
			browser.screenshot(Browser.screenshots().resolve("long-words-" + path.replaceAll("[^a-z0-9]", "_").substring(0, Math.min(20, path.length())) + ".png"));
			assertThat(browser.scrollsSideways()).as(path + " scrolls sideways on a phone").isFalse();
		}
	}

}
