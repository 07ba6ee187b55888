package org.veille.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Dates as people read them, in the page's language: "3 hours ago", "il y a 3 heures", and past a month
 * the day itself. Templates call it as {@code ${@relativeTime.ago(instant)}}; {@link #exact} gives the
 * full date and time for the {@code title} of the {@code <time>} element.
 */
@Component("relativeTime")
public class RelativeTime {

	private static final Duration MONTH = Duration.ofDays(30);

	private final MessageSource messages;

	private final Clock clock;

	/** Formatters by pattern and language: building one parses its pattern, and a page shows dozens of dates. */
	private final Map<String, DateTimeFormatter> formatters = new ConcurrentHashMap<>();

	public RelativeTime(MessageSource messages, Clock clock) {
		this.messages = messages;
		this.clock = clock;
	}

	/** How long ago, in words; a date in the future (a clock skew) reads as "just now". */
	public String ago(Instant instant) {
		return ago(instant, LocaleContextHolder.getLocale(), this.clock.instant());
	}

	/** How long ago, in words, in this language, seen at {@code now}: for a kept page served again later. */
	public String ago(Instant instant, Locale locale, Instant now) {
		Duration elapsed = Duration.between(instant, now);
		if (elapsed.compareTo(Duration.ofMinutes(1)) < 0) {
			return message("time.now", locale);
		}
		if (elapsed.compareTo(Duration.ofHours(1)) < 0) {
			return message("time.minutes", locale, elapsed.toMinutes());
		}
		if (elapsed.compareTo(Duration.ofDays(1)) < 0) {
			return message("time.hours", locale, elapsed.toHours());
		}
		if (elapsed.compareTo(MONTH) < 0) {
			return message("time.days", locale, elapsed.toDays());
		}
		return formatter("time.date-pattern", locale).format(instant);
	}

	/** How long until, in words ("in 3 minutes"); past a day, the day itself. A moment past reads "in a moment". */
	public String until(Instant instant) {
		Locale locale = LocaleContextHolder.getLocale();
		Duration remaining = Duration.between(this.clock.instant(), instant);
		if (remaining.compareTo(Duration.ofMinutes(1)) < 0) {
			return message("time.in-a-moment", locale);
		}
		if (remaining.compareTo(Duration.ofHours(1)) < 0) {
			return message("time.in-minutes", locale, remaining.toMinutes());
		}
		if (remaining.compareTo(Duration.ofDays(1)) < 0) {
			return message("time.in-hours", locale, remaining.toHours());
		}
		return day(instant);
	}

	/** The day, in UTC ("3 May 2026"). */
	public String day(Instant instant) {
		return formatter("time.date-pattern", LocaleContextHolder.getLocale()).format(instant);
	}

	/** The machine-readable form for {@code <time datetime>}: ISO 8601 in UTC ({@code 2026-03-01T08:30:00Z}). */
	public String iso(Instant instant) {
		return instant.toString();
	}

	/** The day and time in full, in UTC, for a tooltip. */
	public String exact(Instant instant) {
		return formatter("time.exact-pattern", LocaleContextHolder.getLocale()).format(instant);
	}

	/** The formatter of the pattern this message gives in this language, in UTC (a handful in all). */
	private DateTimeFormatter formatter(String key, Locale locale) {
		String pattern = message(key, locale);
		return this.formatters.computeIfAbsent(locale.toLanguageTag() + "\u0000" + pattern,
				(ignored) -> DateTimeFormatter.ofPattern(pattern, locale).withZone(ZoneOffset.UTC));
	}

	private String message(String key, Locale locale, Object... arguments) {
		return this.messages.getMessage(key, arguments, locale);
	}

}
