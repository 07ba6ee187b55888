package org.veille.browser;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import org.veille.support.IntegrationTest;
import org.veille.support.Posting;
import org.veille.support.TestPeople;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Topic tags from the pages (issue 15): while typing, the topics a cited page declares are offered as buttons
 * that add the tag to the text with one click; nothing is added unless the person clicks.
 */
@IntegrationTest
class TopicSuggestionsBrowserTests {

	@RegisterExtension
	static final Browser browser = new Browser();

	@Autowired
	private MockMvc mvc;

	@Autowired
	private JdbcClient jdbc;

	@LocalServerPort
	private int port;

	@Test
	void shouldAddAnOfferedTopicToTheTextWithOneClick() throws Exception {
		String u = TestPeople.uniqueName("onclick");
		String url = "https://example.org/" + u + "/page";
		Posting.as(this.mvc, TestPeople.signUp(this.mvc, TestPeople.uniqueName("first")), "Déjà cité\n" + url);
		this.jdbc.sql("update links set fetch_status = 'fetched', topics = :topics where url = :url")
			.param("topics", new String[] { "Océans_" + u, "Marées_" + u })
			.param("url", url)
			.update();
		Pages pages = new Pages(browser, this.port);
		pages.signUp(u);
		pages.open("/post");

		browser.type(By.id("text"), "À lire\n" + url + "\n\n#Marées_" + u);
		WebElement add = browser.waitForVisible(By.cssSelector(".preview button.add-topic"));
		assertThat(browser.findAll(By.cssSelector(".preview button.add-topic"))).extracting(WebElement::getText)
			.containsExactly("+ #Océans_" + u);
		assertThat(browser.find(By.id("text")).getDomProperty("value")).doesNotContain("#Océans");

		add.click();

		assertThat(browser.find(By.id("text")).getDomProperty("value")).endsWith("#Marées_" + u + " #Océans_" + u);
		browser.waitFor(ExpectedConditions.stalenessOf(add));
		browser.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".preview"), "#Océans_" + u));
		assertThat(browser.findAll(By.cssSelector(".preview button.add-topic"))).as("offered no more").isEmpty();
	}

}
