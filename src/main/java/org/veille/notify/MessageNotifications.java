package org.veille.notify;

import java.util.Map;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import org.veille.mail.Outbox;
import org.veille.message.EntryPublished;

/**
 * Queues the e-mails of a new message inside its posting transaction, in one statement whatever the
 * number of recipients. Who is concerned is what {@code alert.Alerts} decided when it pushed the
 * message's alerts just before (the thread's participants and the people mentioned, never the author):
 * this reads those rows rather than deciding again. Each recipient gets at most one e-mail per message (a
 * reply that mentions the thread's author is one e-mail, a mention), and none when they block the author,
 * have not confirmed their address, or turned that notification off.
 */
@Component
class MessageNotifications {

	private static final String RECIPIENTS = """
			select case when mentioned and %1$s then 'mention'
			            when a.account_id = t.author_id then 'reply' else 'reply-after' end,
			       a.account_id, a.message_id, a.author_id, 'message:' || a.message_id
			from alerts a
			join messages m on m.id = a.message_id
			join messages t on t.id = coalesce(m.thread_id, m.id)
			join accounts r on r.id = a.account_id
			left join notification_settings s on s.account_id = a.account_id
			cross join lateral (select exists (select 1 from message_mentions mm
			                                   where mm.message_id = a.message_id and mm.account_id = a.account_id)
			                    as mentioned) x
			where a.message_id = :message and a.account_id <> a.author_id and r.email_verified_at is not null
			  and not exists (select 1 from blocks b where b.blocker_id = a.account_id and b.blocked_id = a.author_id)
			  and ((x.mentioned and %1$s)
			    or (m.thread_id is not null and a.account_id = t.author_id and %2$s)
			    or (m.thread_id is not null and a.account_id <> t.author_id and %3$s))
			""".formatted(Notification.MENTION.isOn(), Notification.REPLY.isOn(), Notification.REPLY_AFTER.isOn());

	private final Outbox outbox;

	MessageNotifications(Outbox outbox) {
		this.outbox = outbox;
	}

	@EventListener
	@Transactional(propagation = Propagation.MANDATORY)
	public void posted(EntryPublished event) {
		this.outbox.queueAll(RECIPIENTS, Map.of("message", event.messageId()));
	}

}
