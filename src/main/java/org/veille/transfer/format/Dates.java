package org.veille.transfer.format;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

import org.jspecify.annotations.Nullable;

/**
 * The dates of import files. A missing or unreadable date is no error: the bookmark simply has no date.
 */
final class Dates {

	private static final BigDecimal SECONDS_BELOW = new BigDecimal("1e11");

	private static final BigDecimal MILLISECONDS_BELOW = new BigDecimal("1e14");

	private static final BigDecimal MICROSECONDS_BELOW = new BigDecimal("1e17");

	private static final BigDecimal NANOSECONDS_BELOW = new BigDecimal("1e20");

	private Dates() {
	}

	/**
	 * A Netscape {@code ADD_DATE}: seconds since 1970, but some exporters write milliseconds or microseconds (the
	 * unit of Firefox's database). The size of the number tells: seconds stay below 10<sup>11</sup> until the
	 * year 5138, and a date in milliseconds is above it from 1973 on. Zero, negative and unreadable values mean no
	 * date.
	 */
	static @Nullable Instant ofEpoch(@Nullable String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		BigDecimal number;
		try {
			number = new BigDecimal(value.strip());
		}
		catch (NumberFormatException ex) {
			return null;
		}
		if (number.signum() <= 0 || number.compareTo(NANOSECONDS_BELOW) >= 0) {
			return null;
		}
		BigDecimal nanosPerUnit;
		if (number.compareTo(SECONDS_BELOW) < 0) {
			nanosPerUnit = BigDecimal.valueOf(1_000_000_000L);
		}
		else if (number.compareTo(MILLISECONDS_BELOW) < 0) {
			nanosPerUnit = BigDecimal.valueOf(1_000_000L);
		}
		else if (number.compareTo(MICROSECONDS_BELOW) < 0) {
			nanosPerUnit = BigDecimal.valueOf(1_000L);
		}
		else {
			nanosPerUnit = BigDecimal.ONE;
		}
		BigDecimal nanos = number.multiply(nanosPerUnit);
		long seconds = nanos.divideToIntegralValue(BigDecimal.valueOf(1_000_000_000L)).longValue();
		long rest = nanos.remainder(BigDecimal.valueOf(1_000_000_000L)).longValue();
		return Instant.ofEpochSecond(seconds, rest);
	}

	/**
	 * An ISO 8601 date and time ({@code 2011-02-26T00:53:28Z}, with an offset, or without one, read as UTC).
	 */
	static @Nullable Instant ofIso(@Nullable String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		String text = value.strip();
		try {
			return OffsetDateTime.parse(text).toInstant();
		}
		catch (DateTimeParseException ex) {
			// no offset, or not a date
		}
		try {
			return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

}
