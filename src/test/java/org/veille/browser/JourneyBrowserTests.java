package org.veille.browser;

import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import org.veille.support.IntegrationTest;
import org.veille.support.Posting;
import org.veille.support.Social;
import org.veille.support.TestPeople;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The journeys of the people who use Veille, on a wide screen and at a phone's width: post from the
 * bookmarklet's form, follow a tag and find it on the home stream, star, reply and follow without a
 * reload, browse tags and feeds, edit and delete, switch language; and the script's conveniences.
 */
@IntegrationTest
class JourneyBrowserTests {

	@RegisterExtension
	static final Browser browser = new Browser();

	@Autowired
	private MockMvc mvc;

	@LocalServerPort
	private int port;

	private Pages pages;

	@BeforeEach
	void pages() {
		this.pages = new Pages(browser, this.port);
	}

	@ParameterizedTest(name = "{0} px")
	@ValueSource(ints = { 1280, Browser.PHONE_WIDTH })
	void shouldPostFromTheBookmarkletThenFollowStarAndReplyWithoutReloading(int width) throws Exception {
		browser.width(width);
		String author = TestPeople.uniqueName("poster");
		String reader = TestPeople.uniqueName("reader");
		String tag = "Journal_" + TestPeople.uniqueName("j");
		String article = "https://example.org/bookmarklet/" + author;

		this.pages.signUp(author);
		this.pages.open("/post?title=Un+article+du+jour&url=" + article + "&selection=Un+passage+choisi");
		WebElement text = browser.waitForVisible(By.id("text"));
		assertThat(text.getDomProperty("value")).startsWith("Un article du jour\n" + article)
			.contains("❝Un passage choisi❞");
		text.sendKeys(Keys.END, "\nÀ lire. #" + tag);
		WebElement form = browser.find(By.tagName("html"));
		text.sendKeys(Keys.chord(Keys.CONTROL, Keys.ENTER));
		browser.waitForLeaving(form);
		browser.waitFor(ExpectedConditions.urlMatches("/messages/\\d+$"));
		String threadPath = browser.currentPath();
		assertThat(browser.find(By.cssSelector("article.card blockquote")).getText()).contains("Un passage choisi");

		browser.reset();
		browser.width(width);
		TestPeople.signUp(this.mvc, reader);
		this.pages.signIn(reader);
		this.pages.open("/tag/" + tag.toLowerCase(Locale.ROOT));
		this.pages.markPage();
		browser.find(By.xpath("//button[normalize-space()='Follow this tag']")).click();
		browser.waitForVisible(By.xpath("//button[normalize-space()='Unfollow this tag']"));
		assertThat(browser.find(By.cssSelector(".notices .notice")).getText()).contains("You follow #" + tag.toLowerCase(Locale.ROOT));
		assertThat(this.pages.isSamePage()).as("followed without a reload").isTrue();

		browser.clickAndWaitForNextPage(browser.find(By.cssSelector(".site-nav a.brand")));
		WebElement card = browser.find(By.cssSelector(".stream article.card a.when[href='" + threadPath + "']"));
		browser.clickAndWaitForNextPage(card);

		this.pages.markPage();
		browser.find(By.cssSelector("button.star-button")).click();
		browser.waitFor(ExpectedConditions.textToBe(By.cssSelector(".star-count"), "★ One star"));
		assertThat(browser.find(By.cssSelector(".starrers")).getText()).contains(reader);

		browser.type(By.id("text"), "D’accord avec ce passage");
		browser.driver().executeScript("document.getElementById('text').setSelectionRange(14, 24);");
		browser.find(By.cssSelector("button.quote-button")).click();
		assertThat(browser.find(By.id("text")).getDomProperty("value")).isEqualTo("D’accord avec ❝ce passage❞");
		browser.find(By.id("text")).sendKeys(Keys.END, " et celui-ci");
		browser.driver().executeScript("var t = document.getElementById('text'); t.setSelectionRange(t.value.length - 8, t.value.length);");
		browser.find(By.id("text")).sendKeys(Keys.chord(Keys.SHIFT, Keys.TAB));
		assertThat(browser.find(By.id("text")).getDomProperty("value")).isEqualTo("D’accord avec ❝ce passage❞ et ❝celui-ci❞");
		browser.find(By.cssSelector("form.reply-form button[type=submit]")).click();
		WebElement reply = browser.waitForVisible(By.cssSelector("article.reply"));
		assertThat(reply.findElements(By.cssSelector("blockquote, .message-body")).get(0).getText()).contains("ce passage");
		assertThat(browser.find(By.id("text")).getDomProperty("value")).as("the box is empty again").isEmpty();
		assertThat(this.pages.isSamePage()).as("starred and replied without a reload").isTrue();

		this.pages.open("/people/" + author);
		this.pages.markPage();
		browser.find(By.xpath("//button[normalize-space()='Follow']")).click();
		browser.waitForVisible(By.xpath("//button[normalize-space()='Unfollow']"));
		assertThat(this.pages.isSamePage()).as("followed the person without a reload").isTrue();
		assertThat(browser.scrollsSideways()).isFalse();
	}

	@ParameterizedTest(name = "{0} px")
	@ValueSource(ints = { 1280, Browser.PHONE_WIDTH })
	void shouldBrowseTagsAndFeedsThenEditAndDelete(int width) throws Exception {
		browser.width(width);
		String author = TestPeople.uniqueName("editor");
		String parent = "Dossier_" + TestPeople.uniqueName("p");
		MockHttpSession session = TestPeople.signUp(this.mvc, author);
		long id = Posting.as(this.mvc, session, "Un dossier à suivre\nhttps://example.org/dossier/" + author + "\n#"
				+ parent + "/enfant");
		long other = Posting.as(this.mvc, session, "Le dossier en général #" + parent);
		this.pages.signIn(author);

		this.pages.open("/messages/" + id);
		browser.clickAndWaitForNextPage(browser.find(By.linkText("#" + parent + "/enfant")));
		assertThat(browser.find(By.cssSelector("main h1")).getText()).isEqualTo("#" + parent + "/enfant");
		assertThat(browser.findAll(By.id("m" + id))).hasSize(1);

		this.pages.open("/tag/" + parent.toLowerCase(Locale.ROOT));
		assertThat(browser.findAll(By.id("m" + other))).hasSize(1);
		assertThat(browser.findAll(By.id("m" + id))).as("the parent tag lists its children's threads").hasSize(1);
		String feed = browser.find(By.cssSelector("a.feed-link")).getDomAttribute("href");
		assertThat(feed).isEqualTo("/tag/" + parent.toLowerCase(Locale.ROOT) + "/feed");
		browser.find(By.cssSelector("a.feed-link")).click();
		browser.waitFor((driver) -> driver.getPageSource().contains("Un dossier à suivre"));
		assertThat(browser.driver().getPageSource()).contains("feed");

		this.pages.open("/messages/" + id);
		browser.clickAndWaitForNextPage(browser.find(By.linkText("Edit")));
		browser.type(By.id("text"), "Un dossier corrigé\nhttps://example.org/dossier/" + author + "\n#" + parent + "/enfant");
		browser.clickAndWaitForNextPage(browser.find(By.cssSelector("form.post-form button[type=submit]")));
		browser.waitFor(ExpectedConditions.urlMatches("/messages/" + id + "$"));
		assertThat(browser.find(By.cssSelector("#m" + id + " .message-body")).getText()).startsWith("Un dossier corrigé");

		WebElement page = browser.find(By.tagName("html"));
		browser.find(By.xpath("//button[normalize-space()='Delete this thread']")).click();
		browser.waitFor(ExpectedConditions.alertIsPresent()).accept();
		browser.waitForLeaving(page);
		assertThat(browser.waitForVisible(By.cssSelector(".notices .notice")).getText()).contains("Your thread is deleted");
		this.pages.open("/messages/" + id);
		assertThat(browser.find(By.cssSelector("main h1")).getText()).isEqualTo("Not found");
		assertThat(browser.scrollsSideways()).isFalse();
	}

	@ParameterizedTest(name = "{0} px")
	@ValueSource(ints = { 1280, Browser.PHONE_WIDTH })
	void shouldSwitchLanguageAsAVisitorAndKeepThePersonsChoice(int width) throws Exception {
		browser.width(width);
		this.pages.open("/signup");
		assertThat(browser.find(By.tagName("html")).getDomAttribute("lang")).isEqualTo("en");
		browser.clickAndWaitForNextPage(browser.find(By.linkText("Français")));
		assertThat(browser.find(By.tagName("html")).getDomAttribute("lang")).isEqualTo("fr");
		assertThat(browser.find(By.cssSelector("main h1")).getText()).isEqualTo("Créer votre compte");
		browser.clickAndWaitForNextPage(browser.find(By.cssSelector(".site-nav a.brand")));
		assertThat(browser.find(By.linkText("Tout")).isDisplayed()).as("the choice is remembered").isTrue();

		browser.reset();
		browser.width(width);
		String login = TestPeople.uniqueName("polyglot");
		TestPeople.signUp(this.mvc, login);
		this.pages.signIn(login);
		browser.clickAndWaitForNextPage(browser.find(By.linkText("Settings")));
		browser.type(By.id("displayName"), "Camille Lecteur");
		new org.openqa.selenium.support.ui.Select(browser.find(By.id("language"))).selectByValue("fr");
		browser.clickAndWaitForNextPage(browser.find(By.cssSelector("form.settings-form button[type=submit]")));
		assertThat(browser.find(By.cssSelector(".notices .notice")).getText()).isEqualTo("Vos réglages sont enregistrés.");

		browser.reset();
		this.pages.signIn(login);
		assertThat(browser.find(By.tagName("html")).getDomAttribute("lang")).as("the account's language, whatever the browser says")
			.isEqualTo("fr");
		this.pages.open("/people/" + login);
		assertThat(browser.find(By.cssSelector("main h1")).getText()).isEqualTo("Camille Lecteur");
	}

	@Test
	void shouldFoldLongThreadsAndLongMessagesAndTellOfNewThreads() throws Exception {
		String author = TestPeople.uniqueName("talker");
		String reader = TestPeople.uniqueName("watcher");
		String tag = "Fil_" + TestPeople.uniqueName("f");
		MockHttpSession them = TestPeople.signUp(this.mvc, author);
		MockHttpSession me = TestPeople.signUp(this.mvc, reader);
		StringBuilder longText = new StringBuilder("Un long message #" + tag + "\n");
		for (int paragraph = 0; paragraph < 30; paragraph++) {
			longText.append("\nParagraphe ").append(paragraph).append(", assez long pour remplir une ligne de lecture.\n");
		}
		long thread = Posting.as(this.mvc, them, longText.toString());
		for (int reply = 1; reply <= 10; reply++) {
			Posting.reply(this.mvc, (reply % 2 == 0) ? them : me, thread, "Réponse numéro " + reply);
		}
		Social.followTag(this.mvc, me, tag);
		this.pages.signIn(reader);

		this.pages.open("/messages/" + thread);
		List<WebElement> replies = browser.findAll(By.cssSelector("article.reply"));
		assertThat(replies).hasSize(10);
		assertThat(replies.stream().filter(WebElement::isDisplayed)).hasSize(5);
		WebElement earlier = browser.find(By.cssSelector("button.show-earlier"));
		assertThat(earlier.getText()).isEqualTo("Show the 5 earlier replies");
		earlier.click();
		assertThat(browser.findAll(By.cssSelector("article.reply")).stream().filter(WebElement::isDisplayed)).hasSize(10);

		this.pages.open("/");
		WebElement card = browser.find(By.id("m" + thread));
		WebElement more = card.findElement(By.cssSelector("button.fold-toggle"));
		assertThat(more.getDomAttribute("aria-expanded")).isEqualTo("false");
		assertThat(card.findElement(By.cssSelector(".message-body")).getText()).doesNotContain("Paragraphe 29");
		more.click();
		assertThat(more.getDomAttribute("aria-expanded")).isEqualTo("true");
		assertThat(card.findElement(By.cssSelector(".message-body")).getText()).contains("Paragraphe 29");

		assertThat(browser.findAll(By.cssSelector(".notice.new-messages"))).isEmpty();
		Posting.as(this.mvc, them, "Un fil tout neuf #" + tag);
		browser.driver().executeScript("window.dispatchEvent(new Event('focus'));");
		WebElement notice = browser.waitForVisible(By.cssSelector(".notice.new-messages"));
		assertThat(notice.getText()).contains("New messages");
		browser.clickAndWaitForNextPage(notice.findElement(By.tagName("a")));
		assertThat(browser.find(By.cssSelector(".stream article.card .message-body")).getText()).startsWith("Un fil tout neuf");
	}

	@Test
	void shouldSuggestTagsAndLoginsWhileTyping() throws Exception {
		String friend = TestPeople.uniqueName("suggested");
		String tag = "Suggestion_" + TestPeople.uniqueName("s");
		MockHttpSession them = TestPeople.signUp(this.mvc, friend);
		Posting.as(this.mvc, them, "Un fil pour la suggestion #" + tag);
		String login = TestPeople.uniqueName("typist");
		TestPeople.signUp(this.mvc, login);
		this.pages.signIn(login);

		WebElement box = browser.waitForVisible(By.id("text"));
		box.sendKeys("Pour #" + tag.substring(0, tag.length() - 2));
		WebElement option = browser.waitForVisible(By.cssSelector("#text-suggestions [role=option]"));
		assertThat(option.getText()).startsWith("#" + tag);
		assertThat(box.getDomAttribute("aria-controls")).isEqualTo("text-suggestions");
		box.sendKeys(Keys.ARROW_DOWN, Keys.ENTER);
		assertThat(box.getDomProperty("value")).isEqualTo("Pour #" + tag + " ");

		box.sendKeys("et @" + friend.substring(0, friend.length() - 3));
		browser.waitForVisible(By.cssSelector("#text-suggestions [role=option]"));
		box.sendKeys(Keys.ARROW_DOWN, Keys.TAB);
		assertThat(box.getDomProperty("value")).isEqualTo("Pour #" + tag + " et @" + friend + " ");
		assertThat(browser.find(By.id("text-suggestions")).isDisplayed()).isFalse();
	}

	@Test
	void shouldReachTheContentAndPostWithTheKeyboardAlone() throws Exception {
		String login = TestPeople.uniqueName("keyboard");
		TestPeople.signUp(this.mvc, login);
		this.pages.signIn(login);

		org.openqa.selenium.interactions.Actions keys = new org.openqa.selenium.interactions.Actions(browser.driver());
		keys.sendKeys(Keys.TAB).perform();
		WebElement skip = browser.driver().switchTo().activeElement();
		assertThat(skip.getDomAttribute("class")).isEqualTo("skip-link");
		assertThat(skip.isDisplayed()).isTrue();
		assertThat(skip.getRect().getX()).as("the skip link shows when focused").isGreaterThanOrEqualTo(0);
		assertThat(skip.getCssValue("outline-style")).as("focus is visible").isEqualTo("solid");
		keys.sendKeys(Keys.ENTER).perform();
		browser.waitFor(ExpectedConditions.urlContains("#content"));

		// From the main content, the first control is the message box.
		keys.sendKeys(Keys.TAB).perform();
		WebElement box = browser.driver().switchTo().activeElement();
		assertThat(box.getDomAttribute("id")).isEqualTo("text");
		WebElement page = browser.find(By.tagName("html"));
		keys.sendKeys("Écrit au clavier seulement\nhttps://example.org/clavier/" + login).perform();
		keys.keyDown(Keys.CONTROL).sendKeys(Keys.ENTER).keyUp(Keys.CONTROL).perform();
		browser.waitForLeaving(page);
		browser.waitFor(ExpectedConditions.urlMatches("/messages/\\d+$"));
		assertThat(browser.find(By.cssSelector("article.card .message-body")).getText()).startsWith("Écrit au clavier seulement");
	}

}
