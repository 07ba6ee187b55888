package org.veille.notify;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads and saves each person's {@link NotificationChoices} ({@code notification_settings}; no row: the
 * defaults), and turns one kind off for the unsubscribe links.
 */
@Repository
class NotificationSettings {

	private final JdbcClient jdbc;

	NotificationSettings(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Transactional(readOnly = true)
	NotificationChoices of(long accountId) {
		return this.jdbc.sql("""
				select on_reply, on_mention, on_reply_after, on_follow, on_star, digest
				from notification_settings where account_id = :account
				""")
			.param("account", accountId)
			.query((rs, row) -> new NotificationChoices(rs.getBoolean("on_reply"), rs.getBoolean("on_mention"),
					rs.getBoolean("on_reply_after"), rs.getBoolean("on_follow"), rs.getBoolean("on_star"),
					rs.getString("digest")))
			.optional()
			.orElseGet(NotificationChoices::defaults);
	}

	/**
	 * Saves the choices. A digest newly turned on is first due one period from now; one left as it was
	 * keeps its date.
	 */
	@Transactional
	void save(long accountId, NotificationChoices choices) {
		this.jdbc.sql("""
				insert into notification_settings as s (account_id, on_reply, on_mention, on_reply_after, on_follow,
				    on_star, digest, digest_due_at)
				values (:account, :reply, :mention, :replyAfter, :follow, :star, :digest, %1$s)
				on conflict (account_id) do update set on_reply = excluded.on_reply, on_mention = excluded.on_mention,
				    on_reply_after = excluded.on_reply_after, on_follow = excluded.on_follow, on_star = excluded.on_star,
				    digest = excluded.digest,
				    digest_due_at = case when excluded.digest = s.digest then s.digest_due_at else %1$s end
				""".formatted(Digests.NEXT_DUE.formatted(":digest")))
			.param("account", accountId)
			.param("reply", choices.reply())
			.param("mention", choices.mention())
			.param("replyAfter", choices.replyAfter())
			.param("follow", choices.follow())
			.param("star", choices.star())
			.param("digest", choices.digest())
			.update();
	}

	/** Turns one notification off (a digest: digests off). */
	@Transactional
	void turnOff(long accountId, Notification notification) {
		String set = (notification == Notification.DIGEST) ? "digest = 'off', digest_due_at = null"
				: notification.column() + " = false";
		this.jdbc.sql("insert into notification_settings (account_id) values (:account) on conflict do nothing")
			.param("account", accountId)
			.update();
		this.jdbc.sql("update notification_settings set " + set + " where account_id = :account")
			.param("account", accountId)
			.update();
	}

}
