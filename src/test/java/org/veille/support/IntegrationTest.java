package org.veille.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;

/**
 * The one Spring context the integration tests share: the whole application on a random port,
 * MockMvc, and a real PostgreSQL chosen by {@link TestDatabase}. No fetch workers run: tests that
 * want them start their own (see {@code org.veille.link.FetchTesting}). Tests make their own people and
 * tags with unique names, so they never depend on each other's data. The client address is taken from
 * {@code X-Forwarded-For} sent from loopback, so that tests of per-address limits each use addresses of
 * their own; sign-ups are not limited (many tests sign people up from 127.0.0.1 within the hour). Mail
 * workers run and send to a GreenMail server ({@link TestMailConfiguration}, {@link Mailbox}); posting does
 * not wait for a confirmed address unless a test's own context says so, nor for the spam limits (raised out of
 * reach; {@code PostingRateIntegrationTests} has low ones). {@link ConnectionsPerThread} notes
 * any thread that holds two pooled connections at once. A {@code MockHttpSession} stands for the session
 * cookie ({@link SessionCookies}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "veille.database.embedded.enabled=false", "spring.thymeleaf.cache=true",
				"veille.fetch.enabled=false", "veille.outbound.allow-private-addresses=true",
				"veille.outbound.allowed-ports=1-65535",
				"veille.federation.webfinger-scheme=http",
				"veille.fetch.host-spacing=0s", "server.forward-headers-strategy=native",
				"veille.signup.per-address-per-hour=1000000", "spring.mail.host=127.0.0.1",
				"veille.signup.verify-email=false", "veille.mail.poll-interval=200ms", "veille.mail.retry-delay=200ms",
				"veille.mail.max-attempts=6", "veille.mail.from=veille@veille.test",
				"veille.admin.logins=" + Admins.LOGIN + "," + Admins.SECOND,
				"veille.limits.posts-per-minute=1000000", "veille.limits.posts-per-hour=1000000",
				"veille.limits.replies-per-minute=1000000" })
@AutoConfigureMockMvc
@Import({ TestDatabaseConfiguration.class, QueryCounting.class, ConnectionsPerThread.class, SessionCookies.class,
		TestMailConfiguration.class })
public @interface IntegrationTest {

}
