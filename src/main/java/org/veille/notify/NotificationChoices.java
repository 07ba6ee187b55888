package org.veille.notify;

import jakarta.validation.constraints.Pattern;

/**
 * What a person wants to be told by e-mail, as the settings form sends it.
 *
 * @param digest {@code off}, {@code daily} or {@code weekly}
 */
record NotificationChoices(boolean reply, boolean mention, boolean replyAfter, boolean follow, boolean star,
		@Pattern(regexp = "off|daily|weekly", message = "{notifications.digest.invalid}") String digest) {

	static NotificationChoices defaults() {
		return new NotificationChoices(Notification.REPLY.byDefault(), Notification.MENTION.byDefault(),
				Notification.REPLY_AFTER.byDefault(), Notification.FOLLOW.byDefault(), Notification.STAR.byDefault(),
				"off");
	}

	boolean isOn(Notification notification) {
		return switch (notification) {
			case REPLY -> this.reply;
			case MENTION -> this.mention;
			case REPLY_AFTER -> this.replyAfter;
			case FOLLOW -> this.follow;
			case STAR -> this.star;
			case DIGEST -> !"off".equals(this.digest);
		};
	}

}
