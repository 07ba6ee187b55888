package org.veille.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.Managers;
import com.icegreen.greenmail.mail.MailAddress;
import com.icegreen.greenmail.server.AbstractServer;
import com.icegreen.greenmail.server.ProtocolHandler;
import com.icegreen.greenmail.smtp.SmtpConnection;
import com.icegreen.greenmail.smtp.SmtpHandler;
import com.icegreen.greenmail.smtp.SmtpManager;
import com.icegreen.greenmail.smtp.SmtpServer;
import com.icegreen.greenmail.smtp.SmtpState;
import com.icegreen.greenmail.smtp.commands.SmtpCommand;
import com.icegreen.greenmail.smtp.commands.SmtpCommandRegistry;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * GreenMail with two faults of real SMTP servers, which tests ask for: every address at {@value #REFUSED_DOMAIN}
 * is refused at {@code RCPT} ({@code 550}), as a server refuses a mailbox it does not have; and the connection is
 * dropped, without an answer, right after the text of an e-mail to an address a test named, as many times as it
 * asked ({@link #dropConnections}). Everything else is GreenMail's own SMTP commands.
 */
final class FaultySmtpServer extends GreenMail {

	static final String REFUSED_DOMAIN = "refused.test";

	private static final Pattern RECIPIENT = Pattern.compile("RCPT TO:\\s?<([^>]*)>.*", Pattern.CASE_INSENSITIVE);

	private final Map<String, AtomicInteger> refusals = new ConcurrentHashMap<>();

	private final Map<String, AtomicInteger> drops = new ConcurrentHashMap<>();

	FaultySmtpServer(ServerSetup setup) {
		super(setup);
	}

	/** How many times a {@code RCPT} for this address was refused. */
	int refusals(String address) {
		AtomicInteger count = this.refusals.get(key(address));
		return (count != null) ? count.get() : 0;
	}

	/** The next {@code times} e-mails to this address are read whole, then the connection is closed unanswered. */
	void dropConnections(String address, int times) {
		this.drops.put(key(address), new AtomicInteger(times));
	}

	@Override
	protected Map<String, AbstractServer> createServices(ServerSetup[] config, Managers managers) {
		// Called by GreenMail's constructor and at each start: this object's fields are read only later.
		Map<String, AbstractServer> services = super.createServices(config, managers);
		services.replaceAll((protocol, server) -> (server instanceof SmtpServer)
				? new Smtp(server.getServerSetup(), managers) : server);
		return services;
	}

	private boolean refuses(String address) {
		if (!key(address).endsWith("@" + REFUSED_DOMAIN)) {
			return false;
		}
		this.refusals.computeIfAbsent(key(address), (k) -> new AtomicInteger()).incrementAndGet();
		return true;
	}

	private boolean dropsNow(SmtpState state) {
		for (MailAddress to : state.getMessage().getToAddresses()) {
			AtomicInteger left = this.drops.get(key(to.getEmail()));
			if (left != null && left.getAndUpdate((n) -> Math.max(n - 1, 0)) > 0) {
				return true;
			}
		}
		return false;
	}

	private static String key(String address) {
		return address.toLowerCase(Locale.ROOT);
	}

	private final class Smtp extends SmtpServer {

		Smtp(ServerSetup setup, Managers managers) {
			super(setup, managers);
		}

		@Override
		protected ProtocolHandler createProtocolHandler(Socket socket) {
			return new SmtpHandler(new Commands(), this.managers.getSmtpManager(), socket);
		}

	}

	private final class Commands extends SmtpCommandRegistry {

		@Override
		public SmtpCommand getCommand(String name) {
			SmtpCommand command = super.getCommand(name);
			if ("RCPT".equalsIgnoreCase(name) && command != null) {
				return new Refusing(command);
			}
			if ("DATA".equalsIgnoreCase(name) && command != null) {
				return new Dropping(command);
			}
			return command;
		}

	}

	private final class Refusing extends SmtpCommand {

		private final SmtpCommand rcpt;

		Refusing(SmtpCommand rcpt) {
			this.rcpt = rcpt;
		}

		@Override
		public void execute(SmtpConnection conn, SmtpState state, SmtpManager manager, String line) throws IOException {
			Matcher recipient = RECIPIENT.matcher(line);
			if (recipient.matches() && refuses(recipient.group(1))) {
				conn.send("550 5.1.1 <" + recipient.group(1) + ">: no such mailbox here");
				return;
			}
			this.rcpt.execute(conn, state, manager, line);
		}

	}

	private final class Dropping extends SmtpCommand {

		private final SmtpCommand data;

		Dropping(SmtpCommand data) {
			this.data = data;
		}

		@Override
		public void execute(SmtpConnection conn, SmtpState state, SmtpManager manager, String line) throws IOException {
			if (state.getMessage().getReturnPath() == null || !dropsNow(state)) {
				this.data.execute(conn, state, manager, line);
				return;
			}
			conn.send("354 Start mail input; end with <CRLF>.<CRLF>");
			try (InputStream text = conn.dotLimitedInputStream(new byte[0])) {
				text.transferTo(OutputStream.nullOutputStream());
			}
			state.clearMessage();
			conn.quit();
		}

	}

}
