package org.veille.browser;

import java.util.Locale;

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
 * Two people in a real browser, one after the other (the cookies are cleared in between): one posts;
 * the other follows them, replies with a new hashtag (seeing it found while typing) and stars the
 * thread; the first then finds the reply in their alerts, the thread on the new tag's page, and the
 * star on the thread.
 */
@IntegrationTest
class ConversationBrowserTests {

	@RegisterExtension
	static final Browser browser = new Browser();

	@LocalServerPort
	private int port;

	@Test
	void shouldLetTwoPeopleTalkUnderAThread() {
		Pages pages = new Pages(browser, this.port);
		String alice = TestPeople.uniqueName("alice");
		String bruno = TestPeople.uniqueName("bruno");
		String newTag = "Réponse_" + TestPeople.uniqueName("tag");
		String newTagKey = "reponse_" + newTag.substring("Réponse_".length()).toLowerCase(Locale.ROOT);

		pages.signUp(alice);
		String article = "https://example.org/discussion/" + alice;
		browser.type(By.id("text"), "Un article à discuter\n" + article + "\n\nQu’en pensez-vous ?");
		browser.clickAndWaitForNextPage(browser.find(By.cssSelector("form.post-form button[type=submit]")));
		String threadPath = browser.currentPath();
		assertThat(threadPath).matches("/messages/\\d+");

		browser.reset();
		pages.signUp(bruno);
		pages.open("/people/" + alice);
		browser.find(By.xpath("//button[normalize-space()='Follow']")).click();
		browser.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".notices .notice"),
				"You follow @" + alice));
		browser.clickAndWaitForNextPage(browser.find(By.cssSelector("a.when[href='" + threadPath + "']")));
		browser.type(By.id("text"), "Très juste, j’ajoute #" + newTag + " pour @" + alice + " (" + article + ")");
		WebElement preview = browser.waitForVisible(By.id("text-preview"));
		browser.waitFor(ExpectedConditions.textToBePresentInElement(preview, "#" + newTag));
		assertThat(preview.findElement(By.linkText("@" + alice)).getDomAttribute("href")).isEqualTo("/people/" + alice);
		assertThat(preview.getText()).contains(article + " — already posted in Un article à discuter");
		assertThat(preview.findElement(By.linkText("Un article à discuter")).getDomAttribute("href"))
			.isEqualTo(threadPath);
		browser.screenshot(Browser.screenshots().resolve("reply-preview.png"));
		// The script sends the reply and the star without leaving the page.
		browser.find(By.cssSelector("form.reply-form button[type=submit]")).click();
		browser.waitForVisible(By.cssSelector("article.reply"));
		assertThat(browser.currentPath()).isEqualTo(threadPath);
		assertThat(browser.findAll(By.cssSelector("article.reply"))).hasSize(1);
		browser.find(By.cssSelector("button.star-button")).click();
		browser.waitFor(ExpectedConditions.textToBe(By.cssSelector(".star-count"), "★ One star"));

		browser.reset();
		pages.signIn(alice);
		browser.clickAndWaitForNextPage(browser.find(By.linkText("Alerts")));
		WebElement alert = browser.find(By.cssSelector(".alert"));
		assertThat(alert.getText()).contains("Très juste").contains(bruno);
		browser.screenshot(Browser.screenshots().resolve("alerts.png"));

		pages.open("/tag/" + newTagKey);
		assertThat(browser.find(By.cssSelector("main h1")).getText()).isEqualTo("#" + newTag);
		WebElement card = browser.find(By.id("m" + threadPath.substring("/messages/".length())));
		assertThat(card.getText()).contains("Un article à discuter").contains("one reply").contains("★ 1");

		browser.clickAndWaitForNextPage(card.findElement(By.cssSelector("a.when")));
		assertThat(browser.find(By.cssSelector(".star-count")).getText()).isEqualTo("★ One star");
		assertThat(browser.find(By.cssSelector(".starrers")).getText()).contains(bruno);
		assertThat(browser.findAll(By.cssSelector("button.star-button"))).as("no star for one's own thread").isEmpty();
		browser.screenshot(Browser.screenshots().resolve("thread.png"));
	}

}
