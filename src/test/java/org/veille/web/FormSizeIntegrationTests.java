package org.veille.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import org.veille.support.IntegrationTest;
import org.veille.support.TestPeople;
import org.veille.support.WebSession;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A form larger than the server reads (Tomcat's 2 MB for a form's fields): Tomcat drops every field, the
 * CSRF token with them, so the page said the session had expired or asked to write something. It must say
 * that what was sent is too large, through the real server that applies the limit.
 */
@IntegrationTest
class FormSizeIntegrationTests {

	@LocalServerPort
	private int port;

	@Autowired
	private JdbcClient jdbc;

	@Test
	void shouldAnswer413SayingThePostIsTooLargeWhenTheFormIsOverTheServersLimit() {
		WebSession person = new WebSession(this.port);
		String login = TestPeople.uniqueName("huge");
		person.signUp(login);
		String token = person.postingToken();

		HttpResponse<String> answer = person.postMessage(token, "Far too long " + login + " " + "x".repeat(3_000_000));

		assertThat(answer.statusCode()).isEqualTo(413);
		assertThat(answer.body()).contains("class=\"brand\"")
			.contains("at most 20,000 characters")
			.doesNotContain("Write something")
			.doesNotContain("Exception");
		assertThat(this.jdbc.sql("select count(*) from messages m join accounts a on a.id = m.author_id where a.login = ?")
			.param(login)
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void shouldAnswerTheSamePageWhateverParametersTheContentTypeCarries() throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/post"))
			.header("Content-Type", "application/x-www-form-urlencoded; charset")
			.POST(HttpRequest.BodyPublishers.ofString("text=" + "y".repeat(3_000_000)))
			.build();

		HttpResponse<String> answer = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());

		assertThat(answer.statusCode()).isEqualTo(413);
		assertThat(answer.body()).contains("at most 20,000 characters").doesNotContain("Exception");
	}

	@Test
	void shouldStillTakeAPostJustUnderTheMessageLimit() {
		WebSession person = new WebSession(this.port);
		person.signUp(TestPeople.uniqueName("long"));

		HttpResponse<String> answer = person.postMessage(person.postingToken(), "Long but fine\n" + "word ".repeat(3_900));

		assertThat(answer.statusCode()).isEqualTo(302);
	}

}
