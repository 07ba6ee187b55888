package org.veille.notify;

import jakarta.validation.constraints.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * What a person wants to be told by e-mail, as the settings form sends it.
 *
 * @param digest {@code off}, {@code daily} or {@code weekly}
 */
record NotificationChoices(@Nullable Boolean reply, @Nullable Boolean mention, @Nullable Boolean replyAfter,
		@Nullable Boolean follow, @Nullable Boolean star,
		@Pattern(regexp = "off|daily|weekly", message = "{notifications.digest.invalid}") @Nullable String digest) {

	/** A box left unchecked is not sent at all: off. */
	NotificationChoices {
		reply = Boolean.TRUE.equals(reply);
		mention = Boolean.TRUE.equals(mention);
		replyAfter = Boolean.TRUE.equals(replyAfter);
		follow = Boolean.TRUE.equals(follow);
		star = Boolean.TRUE.equals(star);
		digest = (digest != null) ? digest : "off";
	}

	static NotificationChoices defaults() {
		return new NotificationChoices(Notification.REPLY.byDefault(), Notification.MENTION.byDefault(),
				Notification.REPLY_AFTER.byDefault(), Notification.FOLLOW.byDefault(), Notification.STAR.byDefault(),
				"off");
	}

	boolean isOn(Notification notification) {
		return switch (notification) {
			case REPLY -> Boolean.TRUE.equals(this.reply);
			case MENTION -> Boolean.TRUE.equals(this.mention);
			case REPLY_AFTER -> Boolean.TRUE.equals(this.replyAfter);
			case FOLLOW -> Boolean.TRUE.equals(this.follow);
			case STAR -> Boolean.TRUE.equals(this.star);
			case DIGEST -> !"off".equals(this.digest);
		};
	}

}
