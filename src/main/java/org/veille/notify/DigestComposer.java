package org.veille.notify;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import org.veille.mail.Composer;
import org.veille.mail.Envelope;
import org.veille.mail.Letter;
import org.veille.mail.MailLinks;
import org.veille.mail.MailTemplates;
import org.veille.mail.Recipients;
import org.veille.mail.Recipients.Recipient;

/**
 * Writes a digest when it is sent: the threads started in the last day or week by the people the person
 * follows or carrying a tag they follow, newest first, at most {@value #LISTED}, then "and N more" (counted
 * up to {@value #COUNTED}), so that its size is bounded however much they follow. Nothing new, no e-mail.
 */
@Component
class DigestComposer implements Composer {

	static final int LISTED = 50;

	static final int COUNTED = 10_000;

	/**
	 * The threads of the reader's followees and followed tags started since {@code :since}, minus the people
	 * they block: one walk of {@code thread_sources_stream_idx} per followee and tag, bounded by the period.
	 */
	private static final String THREADS = """
			select distinct ts.thread_id from thread_sources ts
			where ((ts.kind = 'author' and ts.key in (
			            select cast(followee_id as text) from person_follows where follower_id = :reader))
			    or (ts.kind = 'tag' and ts.key in (
			            select cast(tag_id as text) from tag_follows where account_id = :reader)))
			  and ts.activity_at > now() - make_interval(secs => :period)
			  and not exists (select 1 from blocks b where b.blocker_id = :reader and b.blocked_id = ts.author_id)
			""";

	private final JdbcClient jdbc;

	private final Recipients recipients;

	private final NotificationSettings settings;

	private final UnsubscribeLinks unsubscribe;

	private final MailTemplates templates;

	private final MailLinks links;

	private final MessageSource messages;

	DigestComposer(JdbcClient jdbc, Recipients recipients, NotificationSettings settings, UnsubscribeLinks unsubscribe,
			MailTemplates templates, MailLinks links, MessageSource messages) {
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
		return Set.of(Notification.DIGEST.kind());
	}

	@Override
	public Optional<Letter> compose(Envelope envelope) {
		Recipient recipient = this.recipients.find(envelope.recipientId()).orElse(null);
		if (recipient == null || !recipient.verified()) {
			return Optional.empty();
		}
		String period = this.settings.of(recipient.id()).digest();
		if ("off".equals(period)) {
			return Optional.empty();
		}
		Duration length = "weekly".equals(period) ? Duration.ofDays(7) : Duration.ofDays(1);
		Map<String, Object> parameters = Map.of("reader", recipient.id(), "period", length.toSeconds(), "limit",
				LISTED, "counted", COUNTED);
		List<DigestEntry> entries = this.jdbc.sql("""
				select t.id, t.title, a.login, a.display_name
				from messages t join accounts a on a.id = t.author_id
				where t.id in (%s) and t.thread_id is null and t.deleted_at is null
				  and t.created_at > now() - make_interval(secs => :period)
				order by t.created_at desc, t.id desc limit :limit
				""".formatted(THREADS))
			.params(parameters)
			.query((rs, row) -> new DigestEntry(rs.getString("title"),
					(rs.getString("display_name") != null) ? rs.getString("display_name") : rs.getString("login"),
					this.links.absolute("/messages/" + rs.getLong("id"))))
			.list();
		if (entries.isEmpty()) {
			return Optional.empty();
		}
		long total = this.jdbc.sql("""
				select count(*) from (
				    select t.id from messages t
				    where t.id in (%s) and t.thread_id is null and t.deleted_at is null
				      and t.created_at > now() - make_interval(secs => :period)
				    limit :counted) counted
				""".formatted(THREADS)).params(parameters).query(Long.class).single();
		String unsubscribeUrl = this.unsubscribe.url(recipient.id(), Notification.DIGEST);
		MailTemplates.Rendered body = this.templates.render("digest", recipient.locale(),
				Map.of("entries", entries, "more", total - entries.size(), "atLeast", total >= COUNTED, "period",
						period, "unsubscribeUrl", unsubscribeUrl, "settingsUrl",
						this.links.absolute("/settings/notifications"), "siteName", this.links.siteName()));
		String subject = this.messages.getMessage("mail.digest." + period + ".subject",
				new Object[] { entries.size() + (total - entries.size()), this.links.siteName() }, recipient.locale());
		return Optional.of(new Letter(recipient.email(), subject, body.text(), body.html(), List.of(), unsubscribeUrl));
	}

	/** One thread of a digest. */
	public record DigestEntry(String title, String author, String link) {
	}

}
