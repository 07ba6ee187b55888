package org.veille.support;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;


/**
 * What the test SMTP server received, by recipient: tests use addresses of their own, so they see only
 * their e-mails whatever else the suite sends.
 */
public final class Mailbox {

	private static final Pattern LINK = Pattern.compile("https?://[^\\s<>\"]+");

	/** Where the test context's e-mails go: see {@link FaultySmtpServer}. */
	public static final String REFUSED_DOMAIN = FaultySmtpServer.REFUSED_DOMAIN;

	private final FaultySmtpServer greenMail;

	Mailbox(FaultySmtpServer greenMail) {
		this.greenMail = greenMail;
	}

	public GreenMail server() {
		return this.greenMail;
	}

	/** How many times the server refused this address (every address at {@link #REFUSED_DOMAIN}). */
	public int refusals(String address) {
		return this.greenMail.refusals(address);
	}

	/** The server drops the connection after the text of each of the next {@code times} e-mails to this address. */
	public void dropConnections(String address, int times) {
		this.greenMail.dropConnections(address, times);
	}

	/** Every e-mail received so far for this address. */
	public List<MimeMessage> to(String address) {
		return Arrays.stream(this.greenMail.getReceivedMessages()).filter((message) -> isFor(message, address)).toList();
	}

	/** Waits until {@code count} e-mails arrived for this address, and returns them. */
	public List<MimeMessage> await(String address, int count) {
		return org.awaitility.Awaitility.await()
			.atMost(Duration.ofSeconds(20))
			.pollInterval(Duration.ofMillis(50))
			.until(() -> to(address), (received) -> received.size() >= count);
	}

	/** Waits for the first e-mail to this address whose subject contains {@code words}. */
	public MimeMessage awaitSubject(String address, String words) {
		return org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20))
			.pollInterval(Duration.ofMillis(50))
			.until(() -> to(address).stream().filter((m) -> subject(m).contains(words)).findFirst(),
					java.util.Optional::isPresent)
			.orElseThrow();
	}

	public static String subject(MimeMessage message) {
		try {
			return String.valueOf(message.getSubject());
		}
		catch (MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The text/plain part. */
	public static String text(MimeMessage message) {
		return part(message, "text/plain");
	}

	/** The text/html part. */
	public static String html(MimeMessage message) {
		return part(message, "text/html");
	}

	/** The first link of the text part that contains {@code path}. */
	public static String link(MimeMessage message, String path) {
		Matcher matcher = LINK.matcher(text(message));
		while (matcher.find()) {
			if (matcher.group().contains(path)) {
				return matcher.group();
			}
		}
		throw new AssertionError("No link with " + path + " in:\n" + text(message));
	}

	/** The site-relative path of that link. */
	public static String path(MimeMessage message, String path) {
		String link = link(message, path);
		return link.substring(link.indexOf(path));
	}

	public static String header(MimeMessage message, String name) {
		try {
			String[] values = message.getHeader(name);
			return (values == null) ? null : String.join("\n", values);
		}
		catch (MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	public static String raw(MimeMessage message) {
		return GreenMailUtil.getWholeMessage(message);
	}

	private static String part(MimeMessage message, String type) {
		try {
			return find(message.getContent(), type);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String find(Object content, String type) throws Exception {
		if (content instanceof Multipart multipart) {
			for (int i = 0; i < multipart.getCount(); i++) {
				BodyPart part = multipart.getBodyPart(i);
				if (part.isMimeType(type)) {
					return String.valueOf(part.getContent());
				}
				String inner = (part.getContent() instanceof Multipart) ? find(part.getContent(), type) : null;
				if (inner != null) {
					return inner;
				}
			}
			return null;
		}
		return (content instanceof String text && type.equals("text/plain")) ? text : null;
	}

	private static boolean isFor(MimeMessage message, String address) {
		try {
			Address[] recipients = message.getAllRecipients();
			return recipients != null
					&& Arrays.stream(recipients).anyMatch((to) -> to.toString().equalsIgnoreCase(address));
		}
		catch (MessagingException ex) {
			return false;
		}
	}

}
