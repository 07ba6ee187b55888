package org.veille.web;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * A keyset position in a newest-first list: the time and id of the last item shown. Written in
 * URLs as {@code ?before=<microseconds since the epoch>-<id>}.
 */
public record Cursor(Instant time, long id) {

	private static final Pattern TOKEN = Pattern.compile("(-?\\d{1,19})-(\\d{1,19})");

	public Cursor {
		time = time.truncatedTo(ChronoUnit.MICROS);
	}

	/** Reads a {@code before} parameter; an absent or blank one means the first page. */
	public static @Nullable Cursor parse(@Nullable String token) {
		if (token == null || token.isBlank()) {
			return null;
		}
		Matcher matcher = TOKEN.matcher(token.strip());
		if (!matcher.matches()) {
			throw new BadRequestException("The page position '" + shortened(token) + "' is not one Veille wrote.");
		}
		try {
			long micros = Long.parseLong(matcher.group(1));
			return new Cursor(Instant.EPOCH.plus(micros, ChronoUnit.MICROS), Long.parseLong(matcher.group(2)));
		}
		catch (NumberFormatException | ArithmeticException | java.time.DateTimeException ex) {
			throw new BadRequestException("The page position '" + token + "' is out of range.");
		}
	}

	/** Enough of a garbled token to recognise it in a log, however long it was. */
	private static String shortened(String token) {
		return (token.length() > 60) ? token.substring(0, 60) + "…" : token;
	}

	public String token() {
		return ChronoUnit.MICROS.between(Instant.EPOCH, this.time) + "-" + this.id;
	}

}
