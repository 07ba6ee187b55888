package org.veille.web;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.servlet.FilterRegistrationBean;

import org.veille.support.IntegrationTest;
import org.veille.support.TestPeople;
import org.veille.support.WebSession;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Form posts take turns, but a client that sends its form slowly does not hold one: more such clients than
 * there are turns, each with most of its form still to send, and a person posting meanwhile is answered.
 */
@IntegrationTest
class SlowFormSendersIntegrationTests {

	private static final String PROMISED_FORM = "_csrf=unknown&text=" + "x".repeat(1_000);

	private final List<Socket> senders = new ArrayList<>();

	@LocalServerPort
	private int port;

	@Autowired
	@Qualifier("formTurns")
	private FilterRegistrationBean<TakingTurns> formTurns;

	@AfterEach
	void hangUp() throws IOException {
		for (Socket sender : this.senders) {
			sender.close();
		}
	}

	@Test
	void shouldAnswerAPostWhileMoreSlowSendersThanTurnsHaveNotFinishedTheirForms() throws Exception {
		WebSession person = new WebSession(this.port);
		assertThat(person.signUp(TestPeople.uniqueName("patient")).statusCode()).isEqualTo(302);
		String token = person.postingToken();

		for (int i = 0; i < this.formTurns.getFilter().turns() + 2; i++) {
			sendTheStartOfAForm();
		}

		assertThat(person.postMessage(token, "Posted while others send slowly #patience").statusCode())
			.isEqualTo(302);
		for (Socket sender : this.senders) {
			assertThat(sender.isClosed()).isFalse();
			assertThat(sender.getInputStream().available()).as("no answer before the whole form").isZero();
		}
	}

	/** The headers of a form and ten bytes of it, the rest never sent. */
	private void sendTheStartOfAForm() throws IOException {
		Socket sender = new Socket();
		this.senders.add(sender);
		sender.connect(new InetSocketAddress("127.0.0.1", this.port), 5_000);
		byte[] form = PROMISED_FORM.getBytes(StandardCharsets.US_ASCII);
		sender.getOutputStream()
			.write(("POST /post HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/x-www-form-urlencoded\r\n"
					+ "Content-Length: " + form.length + "\r\n\r\n" + PROMISED_FORM.substring(0, 10))
				.getBytes(StandardCharsets.US_ASCII));
		sender.getOutputStream().flush();
	}

}
