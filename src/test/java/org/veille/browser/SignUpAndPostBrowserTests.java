package org.veille.browser;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

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
 * What a person does in a real browser: sign up, post a link with tags, follow a tag to its page. Only
 * clicks and keystrokes on the real pages; the screenshots in {@code target/screenshots/} show how the
 * pages rendered.
 */
@IntegrationTest
class SignUpAndPostBrowserTests {

	@RegisterExtension
	static final Browser browser = new Browser();

	@LocalServerPort
	private int port;

	@Test
	void shouldSignUpPostAndFindTheMessageOnItsTagPage() {
		String login = TestPeople.uniqueName("browser");
		String uniqueTag = "Veille_" + TestPeople.uniqueName("tag");
		String tagKey = uniqueTag.toLowerCase(Locale.ROOT);

		browser.open(url("/"));
		browser.clickAndWaitForNextPage(browser.find(By.linkText("Sign up")));
		assertThat(browser.currentPath()).isEqualTo("/signup");
		browser.type(By.id("login"), login);
		browser.type(By.id("email"), login + "@example.org");
		browser.type(By.id("password"), TestPeople.PASSWORD);
		browser.clickAndWaitForNextPage(browser.find(By.cssSelector("form.stacked button[type=submit]")));
		assertThat(browser.currentPath()).isEqualTo("/signup/sent");
		browser.clickAndWaitForNextPage(browser.find(By.linkText("Sign in")));
		browser.type(By.id("username"), login);
		browser.type(By.id("password"), TestPeople.PASSWORD);
		browser.clickAndWaitForNextPage(browser.find(By.cssSelector("form.stacked button[type=submit]")));

		assertThat(browser.currentPath()).as("signed up, back home").isEqualTo("/");
		assertThat(browser.waitForVisible(By.cssSelector(".site-nav a.me")).getText()).isEqualTo("@" + login);
		assertThat(browser.findAll(By.linkText("Sign up"))).as("no sign-up link once signed in").isEmpty();
		browser.screenshot(Browser.screenshots().resolve("home-signed-in.png"));

		browser.type(By.id("text"), "Lecture du jour\nhttps://example.org/article\n\n❝un extrait choisi❞\n\nMon avis. #"
				+ uniqueTag + " #Santé #données_ouvertes");
		browser.clickAndWaitForNextPage(browser.find(By.cssSelector("form.post-form button[type=submit]")));

		assertThat(browser.currentPath()).matches("/messages/\\d+");
		long id = Long.parseLong(browser.currentPath().substring("/messages/".length()));
		assertThat(browser.find(By.cssSelector("h1.thread-title")).getDomProperty("textContent")).isEqualTo("Lecture du jour");
		assertThat(browser.driver().getTitle()).startsWith("Lecture du jour");
		WebElement card = browser.find(By.id("m" + id));
		assertThat(card.findElement(By.cssSelector("blockquote")).getText()).contains("un extrait choisi");
		assertThat(card.findElement(By.cssSelector(".message-body a[href='https://example.org/article']")).getText())
			.contains("example.org/article");
		List<WebElement> tagLinks = card.findElements(By.cssSelector(".message-body a.tag"));
		assertThat(tagLinks).extracting(WebElement::getText)
			.containsExactlyInAnyOrder("#" + uniqueTag, "#Santé", "#données_ouvertes");
		assertThat(card.findElements(By.cssSelector(".thread-tags"))).as("every tag is in the text: no chip").isEmpty();
		assertThat(tagLinks).extracting((link) -> URI.create(link.getDomAttribute("href")).getPath())
			.containsExactlyInAnyOrder("/tag/" + tagKey, "/tag/sante", "/tag/donnees_ouvertes");
		browser.screenshot(Browser.screenshots().resolve("message.png"));

		WebElement uniqueTagLink = tagLinks.stream()
			.filter((link) -> link.getText().equals("#" + uniqueTag))
			.findFirst()
			.orElseThrow();
		browser.clickAndWaitForNextPage(uniqueTagLink);

		assertThat(browser.currentPath()).isEqualTo("/tag/" + tagKey);
		assertThat(browser.driver().getTitle()).contains("#" + uniqueTag);
		assertThat(browser.find(By.cssSelector("main h1")).getText()).isEqualTo("#" + uniqueTag);
		WebElement listed = browser.find(By.id("m" + id));
		assertThat(listed.findElement(By.cssSelector(".message-body")).getText()).startsWith("Lecture du jour");
		assertThat(listed.findElement(By.cssSelector(".card-meta .author")).getText()).contains(login);
		assertThat(browser.findAll(By.cssSelector(".thread-list article.card"))).as("only our thread carries the tag")
			.hasSize(1);
		WebElement feed = browser.find(By.cssSelector("head link[rel=alternate][type='application/atom+xml']"));
		assertThat(URI.create(feed.getDomAttribute("href")).getPath()).isEqualTo("/tag/" + tagKey + "/feed");
		browser.screenshot(Browser.screenshots().resolve("tag.png"));
	}

	@Test
	void shouldShowTheErrorNextToABadLoginAndKeepWhatWasTyped() {
		String email = TestPeople.uniqueName("typo") + "@example.org";

		browser.open(url("/signup"));
		browser.type(By.id("login"), "bad login");
		browser.type(By.id("email"), email);
		browser.type(By.id("password"), TestPeople.PASSWORD);
		browser.clickAndWaitForNextPage(browser.find(By.cssSelector("form.stacked button[type=submit]")));

		assertThat(browser.currentPath()).isEqualTo("/signup");
		WebElement loginField = browser.find(By.xpath("//div[contains(@class,'field')][.//input[@id='login']]"));
		WebElement error = loginField.findElement(By.id("login-error"));
		assertThat(error.isDisplayed()).isTrue();
		assertThat(error.getText()).contains("only letters, digits");
		WebElement login = browser.find(By.id("login"));
		assertThat(login.getDomAttribute("aria-invalid")).isEqualTo("true");
		assertThat(login.getDomAttribute("aria-describedby")).contains("login-error");
		assertThat(login.getDomProperty("value")).isEqualTo("bad login");
		assertThat(browser.find(By.id("email")).getDomProperty("value")).isEqualTo(email);
		assertThat(browser.findAll(By.id("email-error"))).as("the e-mail was fine").isEmpty();
		assertThat(browser.findAll(By.cssSelector(".site-nav a.me"))).as("not signed in").isEmpty();
		browser.screenshot(Browser.screenshots().resolve("signup-error.png"));
	}

	@Test
	void shouldShowNotFoundInsideTheSiteLayout() throws Exception {
		String path = "/no-such-page-" + TestPeople.uniqueName("x");

		browser.open(url(path));

		assertThat(browser.find(By.cssSelector("header .site-nav a.brand")).getText()).isEqualTo("Veille");
		assertThat(browser.find(By.cssSelector("main h1")).getText()).isEqualTo("Not found");
		assertThat(browser.driver().getTitle()).contains("Not found");
		assertThat(browser.find(By.tagName("footer")).isDisplayed()).isTrue();
		browser.screenshot(Browser.screenshots().resolve("not-found.png"));
		browser.clickAndWaitForNextPage(browser.find(By.linkText("Back to the home page")));
		browser.waitFor(ExpectedConditions.urlMatches(Pattern.quote(url("/")) + "$"));

		// The browser does not tell its status code; a plain request does.
		HttpResponse<Void> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(url(path))).header("Accept", "text/html").build(),
					HttpResponse.BodyHandlers.discarding());
		assertThat(response.statusCode()).isEqualTo(404);
	}

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

}
