package org.veille.support;

import java.io.IOException;
import java.net.ServerSocket;

import com.icegreen.greenmail.util.ServerSetup;

import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistrar;

/**
 * A real SMTP server for the test context: GreenMail on a free loopback port, started with the context, which
 * the application's mail workers send to ({@code spring.mail.host} is set by {@link IntegrationTest}, the
 * port here). It refuses the addresses at {@value FaultySmtpServer#REFUSED_DOMAIN} and drops connections when
 * a test asks ({@link FaultySmtpServer}). Tests read what arrived through {@link Mailbox}.
 */
public class TestMailConfiguration {

	@Bean(destroyMethod = "stop")
	FaultySmtpServer greenMail() {
		FaultySmtpServer greenMail = new FaultySmtpServer(
				new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
		greenMail.start();
		return greenMail;
	}

	@Bean
	DynamicPropertyRegistrar smtpPort(FaultySmtpServer greenMail) {
		return (registry) -> registry.add("spring.mail.port", () -> greenMail.getSmtp().getPort());
	}

	@Bean
	Mailbox mailbox(FaultySmtpServer greenMail) {
		return new Mailbox(greenMail);
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException("No free port for the test SMTP server", ex);
		}
	}

}
