package org.veille.notify;

import java.util.Map;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import org.veille.follow.PersonFollowed;
import org.veille.mail.Outbox;
import org.veille.star.ThreadStarred;

/**
 * Queues the e-mail of a new follower and of a new star, inside the transaction that stored it, for a
 * person who confirmed their address, asked for it, and does not block the actor. A follow or star taken
 * back and given again is not mailed twice (the event's key is the same).
 */
@Component
class SocialNotifications {

	private static final String TO_ONE = """
			select :kind, r.id, cast(:message as bigint), a.id, :event
			from accounts r join accounts a on a.id = :actor
			left join notification_settings s on s.account_id = r.id
			where r.id = :recipient and r.id <> a.id and r.email_verified_at is not null and %s
			  and not exists (select 1 from blocks b where b.blocker_id = r.id and b.blocked_id = a.id)
			""";

	private final Outbox outbox;

	SocialNotifications(Outbox outbox) {
		this.outbox = outbox;
	}

	@EventListener
	@Transactional(propagation = Propagation.MANDATORY)
	public void followed(PersonFollowed event) {
		queue(Notification.FOLLOW, event.followeeId(), event.followerId(), null, "follow:" + event.followerId());
	}

	@EventListener
	@Transactional(propagation = Propagation.MANDATORY)
	public void starred(ThreadStarred event) {
		queue(Notification.STAR, event.threadAuthorId(), event.starrerId(), event.threadId(),
				"star:" + event.threadId() + ":" + event.starrerId());
	}

	private void queue(Notification notification, long recipientId, long actorId, Long messageId, String event) {
		java.util.HashMap<String, Object> parameters = new java.util.HashMap<>();
		parameters.put("kind", notification.kind());
		parameters.put("recipient", recipientId);
		parameters.put("actor", actorId);
		parameters.put("message", messageId);
		parameters.put("event", event);
		this.outbox.queueAll(TO_ONE.formatted(notification.isOn()), parameters);
	}

}
