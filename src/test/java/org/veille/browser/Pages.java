package org.veille.browser;

import org.openqa.selenium.By;

import org.veille.support.TestPeople;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The app as the browser tests reach it: addresses on the random port, signing up and in by the forms.
 */
final class Pages {

	private final Browser browser;

	private final int port;

	Pages(Browser browser, int port) {
		this.browser = browser;
		this.port = port;
	}

	String url(String path) {
		return "http://localhost:" + this.port + path;
	}

	void open(String path) {
		this.browser.open(url(path));
	}

	void signUp(String login) {
		open("/signup");
		this.browser.type(By.id("login"), login);
		this.browser.type(By.id("email"), login + "@example.org");
		this.browser.type(By.id("password"), TestPeople.PASSWORD);
		this.browser.clickAndWaitForNextPage(this.browser.find(By.cssSelector("form.stacked button[type=submit]")));
		assertThat(this.browser.find(By.cssSelector("main h1")).getText()).isEqualTo("Check your mailbox");
		signIn(login);
		assertThat(this.browser.waitForVisible(By.cssSelector(".site-nav a.me")).getText()).isEqualTo("@" + login);
	}

	void signIn(String login) {
		open("/login");
		submitSignIn(login);
	}

	/** Fills and sends the sign-in form of the page shown. */
	void submitSignIn(String login) {
		this.browser.type(By.id("username"), login);
		this.browser.type(By.id("password"), TestPeople.PASSWORD);
		this.browser.clickAndWaitForNextPage(this.browser.find(By.cssSelector("form.stacked button[type=submit]")));
		assertThat(this.browser.waitForVisible(By.cssSelector(".site-nav a.me")).getText()).isEqualTo("@" + login);
	}

	/** Marks the page so that a test can tell it was not reloaded. */
	void markPage() {
		this.browser.driver().executeScript("window.veilleSamePage = true;");
	}

	boolean isSamePage() {
		return Boolean.TRUE.equals(this.browser.driver().executeScript("return window.veilleSamePage === true;"));
	}

}
