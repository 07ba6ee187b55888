package org.veille.browser;

import java.nio.file.Files;
import java.nio.file.Path;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import org.veille.support.IntegrationTest;
import org.veille.support.Mailbox;
import org.veille.support.Posting;
import org.veille.support.TestPeople;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * E-mail as a person meets it in a browser: getting back into an account from the forgot-password page with the
 * link mailed, and a notification e-mail's HTML as a mail client shows it. The screenshots of both are written
 * under {@code target/screenshots/mail/} (docs/screenshots holds copies).
 */
@IntegrationTest
class MailBrowserTests {

	private static final String NEW_PASSWORD = "violet harbour compass meadow";

	@RegisterExtension
	static final Browser browser = new Browser();

	@LocalServerPort
	private int port;

	@Autowired
	private MockMvc mvc;

	@Autowired
	private Mailbox mailbox;

	@Autowired
	private JdbcClient jdbc;

	@Test
	void shouldGetBackIntoAnAccountWithTheLinkMailedFromTheForgotPasswordPage() throws Exception {
		String login = TestPeople.uniqueName("forgetful");
		TestPeople.signUp(this.mvc, login);
		Pages pages = new Pages(browser, this.port);

		pages.open("/login");
		browser.clickAndWaitForNextPage(browser.find(By.linkText("Forgot your password?")));
		assertThat(browser.currentPath()).isEqualTo("/login/forgot");
		browser.type(By.id("identifier"), login);
		browser.screen(1024, 480);
		browser.screenshot(Browser.screenshots().resolve("mail").resolve("forgot-password.png"));
		browser.clickAndWaitForNextPage(browser.find(By.cssSelector("form.stacked button[type=submit]")));
		assertThat(browser.find(By.cssSelector("main")).getText()).contains("If an account has this login");

		MimeMessage mail = this.mailbox.awaitSubject(TestPeople.address(login), "Choose a new password");
		browser.open(Mailbox.link(mail, "/password/reset/"));
		browser.type(By.id("password"), NEW_PASSWORD);
		browser.clickAndWaitForNextPage(browser.find(By.cssSelector("form.stacked button[type=submit]")));
		assertThat(browser.currentPath()).isEqualTo("/login");
		browser.type(By.id("username"), login);
		browser.type(By.id("password"), NEW_PASSWORD);
		browser.clickAndWaitForNextPage(browser.find(By.cssSelector("form.stacked button[type=submit]")));
		assertThat(browser.waitForVisible(By.cssSelector(".site-nav a.me")).getText()).isEqualTo("@" + login);
	}

	@Test
	void shouldShowANotificationEmailWithTheReplyRenderedSafely() throws Exception {
		String author = TestPeople.uniqueName("author");
		String replier = TestPeople.uniqueName("replier");
		MockHttpSession authorSession = TestPeople.signUpConfirmed(this.mvc, this.mailbox, author);
		MockHttpSession replierSession = TestPeople.signUpConfirmed(this.mvc, this.mailbox, replier);
		this.jdbc.sql("update accounts set display_name = 'Camille Durand' where login = ?").param(replier).update();
		long thread = Posting.as(this.mvc, authorSession, "Rivers that moved in a night\n\n"
				+ "The Yellow River changed its course in 1855. #geography #rivers");
		Posting.reply(this.mvc, replierSession, thread, """
				❝The river left its bed and found the sea 300 km further north.❞

				The survey maps are at https://example.org/surveys/1855 and they are *stunning*. \
				See also #maps <script>alert(1)</script>""");

		MimeMessage mail = this.mailbox.awaitSubject(TestPeople.address(author), "Camille Durand replied to");
		Path page = Files.createDirectories(Browser.screenshots().resolve("mail")).resolve("notification.html");
		Files.writeString(page, Mailbox.html(mail));
		browser.screen(640, 360);
		browser.open(page.toUri().toString());

		assertThat(browser.find(By.tagName("body")).getText())
			.contains("Camille Durand replied to your thread “Rivers that moved in a night”:")
			.contains("The river left its bed")
			.contains("<script>alert(1)</script>");
		assertThat(browser.find(By.linkText("https://example.org/surveys/1855")).getAttribute("href"))
			.isEqualTo("https://example.org/surveys/1855");
		assertThat(browser.find(By.linkText("Unsubscribe")).getAttribute("href")).contains("/unsubscribe/");
		browser.screenshot(Browser.screenshots().resolve("mail").resolve("notification-email.png"));
	}

}
