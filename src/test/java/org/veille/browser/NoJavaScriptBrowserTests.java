package org.veille.browser;

import java.util.Locale;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import org.springframework.boot.test.web.server.LocalServerPort;

import org.veille.support.IntegrationTest;
import org.veille.support.TestPeople;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With JavaScript turned off, every form still works: sign up, post, reply, star, follow a tag, switch
 * language, delete (no confirmation dialog then: the button says what it does).
 */
@IntegrationTest
class NoJavaScriptBrowserTests {

	@RegisterExtension
	static final Browser browser = Browser.withoutJavaScript();

	@LocalServerPort
	private int port;

	private Pages pages;

	@BeforeEach
	void pages() {
		this.pages = new Pages(browser, this.port);
	}

	@Test
	void shouldPostAndReplyWithoutJavaScript() {
		String login = TestPeople.uniqueName("nojs");
		String tag = "Sans_script_" + TestPeople.uniqueName("s");

		this.pages.signUp(login);
		assertThat(browser.findAll(By.cssSelector("button.quote-button"))).as("the script did not run").isEmpty();
		this.pages.open("/post?title=Lu+sans+script&url=https%3A%2F%2Fexample.org%2Fnojs&selection=Tout+marche");
		WebElement text = browser.find(By.id("text"));
		assertThat(text.getDomProperty("value")).contains("❝Tout marche❞");
		text.sendKeys(org.openqa.selenium.Keys.END, "\n#" + tag);
		browser.clickAndWaitForNextPage(browser.find(By.cssSelector("form.post-form button[type=submit]")));
		assertThat(browser.currentPath()).matches("/messages/\\d+");
		String threadPath = browser.currentPath();

		browser.type(By.id("text"), "Une réponse sans script");
		browser.clickAndWaitForNextPage(browser.find(By.cssSelector("form.reply-form button[type=submit]")));
		assertThat(browser.currentPath()).isEqualTo(threadPath);
		assertThat(browser.find(By.cssSelector("article.reply .message-body")).getText()).isEqualTo("Une réponse sans script");

		this.pages.open("/tag/" + tag.toLowerCase(Locale.ROOT));
		browser.clickAndWaitForNextPage(browser.find(By.xpath("//button[normalize-space()='Follow this tag']")));
		assertThat(browser.findAll(By.xpath("//button[normalize-space()='Unfollow this tag']"))).hasSize(1);

		browser.clickAndWaitForNextPage(browser.find(By.linkText("Français")));
		assertThat(browser.find(By.tagName("html")).getDomAttribute("lang")).isEqualTo("fr");

		this.pages.open(threadPath);
		browser.clickAndWaitForNextPage(browser.find(By.xpath("//button[normalize-space()='Supprimer cette réponse']")));
		assertThat(browser.findAll(By.cssSelector("article.reply"))).isEmpty();
	}

	@Test
	void shouldStarAnotherPersonsThreadWithoutJavaScript() {
		String author = TestPeople.uniqueName("author");
		String reader = TestPeople.uniqueName("starrer");
		this.pages.signUp(author);
		browser.type(By.id("text"), "À étoiler sans script\nhttps://example.org/etoile/" + author);
		browser.clickAndWaitForNextPage(browser.find(By.cssSelector("form.post-form button[type=submit]")));
		String threadPath = browser.currentPath();

		browser.reset();
		this.pages.signUp(reader);
		this.pages.open(threadPath);
		browser.clickAndWaitForNextPage(browser.find(By.cssSelector("button.star-button")));
		assertThat(browser.find(By.cssSelector(".star-count")).getText()).isEqualTo("★ One star");
		assertThat(browser.find(By.cssSelector(".starrers")).getText()).contains(reader);
	}

}
