package org.veille.notify;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import org.veille.mail.Composer;
import org.veille.mail.Envelope;
import org.veille.mail.Letter;
import org.veille.mail.MailHeaders;
import org.veille.mail.MailLinks;
import org.veille.mail.MailTemplates;
import org.veille.mail.Recipients;
import org.veille.mail.Recipients.Recipient;
import org.veille.markup.HtmlRenderer;
import org.veille.markup.RenderOptions;

/**
 * Writes the notification e-mails (replies, mentions, follows, stars) when they are sent: nothing when the
 * person has since turned that e-mail off, unconfirmed their address, blocked the actor, or when the
 * message is gone; otherwise the message as it now reads, rendered safely (escaped, links made absolute),
 * in the recipient's language, in the thread's conversation, with a one-click unsubscribe address.
 */
@Component
class NotificationComposer implements Composer {

	private final JdbcClient jdbc;

	private final Recipients recipients;

	private final NotificationSettings settings;

	private final UnsubscribeLinks unsubscribe;

	private final MailTemplates templates;

	private final MailLinks links;

	private final MessageSource messages;

	NotificationComposer(JdbcClient jdbc, Recipients recipients, NotificationSettings settings,
			UnsubscribeLinks unsubscribe, MailTemplates templates, MailLinks links, MessageSource messages) {
		this.jdbc = jdbc;
		this.recipients = recipients;
		this.settings = settings;
		this.unsubscribe = unsubscribe;
		this.templates = templates;
		this.links = links;
		this.messages = messages;
	}

	@Override
	public Set<String> kinds() {
		return Set.of(Notification.REPLY.kind(), Notification.MENTION.kind(), Notification.REPLY_AFTER.kind(),
				Notification.FOLLOW.kind(), Notification.STAR.kind());
	}

	/** The batch's recipients get their unsubscribe links in one statement per kind, rather than one each. */
	@Override
	public void prepare(List<Envelope> batch) {
		Map<Notification, List<Long>> recipients = new EnumMap<>(Notification.class);
		for (Envelope envelope : batch) {
			Notification.ofKind(envelope.kind())
				.ifPresent((kind) -> recipients.computeIfAbsent(kind, (k) -> new ArrayList<>()).add(envelope.recipientId()));
		}
		recipients.forEach((kind, accountIds) -> this.unsubscribe.make(accountIds, kind));
	}

	@Override
	public Optional<Letter> compose(Envelope envelope) {
		Notification notification = Notification.ofKind(envelope.kind()).orElseThrow();
		Recipient recipient = this.recipients.find(envelope.recipientId()).orElse(null);
		Long actorId = envelope.actorId();
		if (recipient == null || !recipient.verified() || actorId == null
				|| !this.settings.of(recipient.id()).isOn(notification) || blocks(recipient.id(), actorId)) {
			return Optional.empty();
		}
		Recipient actor = this.recipients.find(actorId).orElse(null);
		if (actor == null) {
			return Optional.empty();
		}
		Map<String, Object> variables = new HashMap<>();
		variables.put("kind", notification.kind());
		variables.put("actor", actor.name());
		variables.put("recipient", recipient.name());
		variables.put("settingsUrl", this.links.absolute("/settings/notifications"));
		String unsubscribeUrl = this.unsubscribe.url(recipient.id(), notification);
		variables.put("unsubscribeUrl", unsubscribeUrl);
		variables.put("siteName", this.links.siteName());
		List<String> conversation = List.of();
		String subjectTitle = "";
		if (notification == Notification.FOLLOW) {
			variables.put("link", this.links.absolute("/people/" + actor.login()));
		}
		else {
			Long messageId = envelope.messageId();
			MessageRow message = (messageId != null) ? message(messageId) : null;
			if (message == null) {
				return Optional.empty();
			}
			String language = recipient.locale().getLanguage();
			variables.put("title", message.threadTitle());
			variables.put("text", message.body());
			variables.put("html", absoluteLinks(HtmlRenderer.render(message.body(), RenderOptions.of(language))));
			variables.put("link", this.links.absolute("/messages/" + message.threadId()
					+ ((message.id() != message.threadId()) ? "#m" + message.id() : "")));
			conversation = List.of("veille.thread." + message.threadId());
			subjectTitle = MailHeaders.oneLine(message.threadTitle());
		}
		String subject = this.messages.getMessage("mail." + notification.kind() + ".subject",
				new Object[] { actor.name(), subjectTitle, this.links.siteName() }, recipient.locale());
		MailTemplates.Rendered body = this.templates.render("notification", recipient.locale(), variables);
		return Optional.of(new Letter(recipient.email(), MailHeaders.oneLine(subject), body.text(), body.html(),
				conversation, unsubscribeUrl));
	}

	private boolean blocks(long recipientId, long actorId) {
		return this.jdbc.sql("select exists (select 1 from blocks where blocker_id = :recipient and blocked_id = :actor)")
			.param("recipient", recipientId)
			.param("actor", actorId)
			.query(Boolean.class)
			.single();
	}

	/** The live message and its live thread, or null. */
	private @Nullable MessageRow message(long messageId) {
		return this.jdbc.sql("""
				select m.id, t.id as thread_id, m.body, t.title
				from messages m join messages t on t.id = coalesce(m.thread_id, m.id)
				where m.id = :id and m.deleted_at is null and t.deleted_at is null
				""")
			.param("id", messageId)
			.query((rs, row) -> new MessageRow(rs.getLong("id"), rs.getLong("thread_id"), rs.getString("body"),
					rs.getString("title")))
			.optional()
			.orElse(null);
	}

	/** The renderer links pages by path; an e-mail needs them whole. */
	private String absoluteLinks(String html) {
		Document document = Jsoup.parseBodyFragment(html, this.links.base() + "/");
		for (Element link : document.select("a[href]")) {
			link.attr("href", link.absUrl("href"));
		}
		for (Element image : document.select("img[src]")) {
			image.attr("src", image.absUrl("src"));
		}
		document.outputSettings().prettyPrint(false);
		return document.body().html();
	}

	private record MessageRow(long id, long threadId, String body, String threadTitle) {
	}

}
