package org.veille.mail;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The outbox's settings, {@code veille.mail.*} (README lists them); the SMTP server itself is
 * {@code spring.mail.*}.
 *
 * @param from the sender of every e-mail ({@code From}), also the domain of their {@code Message-ID}
 * @param enabled whether this instance runs mail workers (e-mails are queued either way)
 * @param workers how many e-mails this instance sends at once, each over its own SMTP connection
 * @param batchSize how many e-mails a worker claims at once and sends over one connection
 * @param lease how long claimed e-mails are reserved to their worker
 * @param maxAttempts attempts before an e-mail is given up
 * @param retryDelay the wait before the first retry; it doubles at each further attempt
 * @param pollInterval how often idle workers look for e-mails queued by other instances
 * @param keepFor how long sent, kept and given-up e-mails stay in the outbox (for the never-twice rule)
 */
@Validated
@ConfigurationProperties("veille.mail")
record OutboxProperties(
		@DefaultValue("veille@localhost") @NotBlank String from,
		@DefaultValue("true") boolean enabled,
		@DefaultValue("2") @Min(1) @Max(32) int workers,
		@DefaultValue("20") @Min(1) @Max(500) int batchSize,
		@DefaultValue("5m") Duration lease,
		@DefaultValue("8") @Min(1) @Max(30) int maxAttempts,
		@DefaultValue("1m") Duration retryDelay,
		@DefaultValue("5s") Duration pollInterval,
		@DefaultValue("30d") Duration keepFor) {

	OutboxProperties {
		MailHeaders.check(from);
		requirePositive(lease, "lease");
		requirePositive(retryDelay, "retry-delay");
		requirePositive(pollInterval, "poll-interval");
		requirePositive(keepFor, "keep-for");
	}

	/** The domain of the sender's address, which names our {@code Message-ID}s. */
	String domain() {
		int at = this.from.lastIndexOf('@');
		String domain = (at >= 0) ? this.from.substring(at + 1) : this.from;
		return domain.replace(">", "").strip();
	}

	private static void requirePositive(Duration duration, String name) {
		if (duration.isNegative() || duration.isZero()) {
			throw new IllegalArgumentException("veille.mail." + name + " must be positive");
		}
	}

}
