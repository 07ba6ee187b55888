package org.veille.web;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.ResourceBundleMessageSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Dates in the page's language, each language with its own patterns even once formatters are kept. */
class RelativeTimeTests {

	private static final Instant NOW = Instant.parse("2026-12-06T15:00:00Z");

	private final RelativeTime time = new RelativeTime(messages(), Clock.fixed(NOW, ZoneOffset.UTC));

	@AfterEach
	void resetLocale() {
		LocaleContextHolder.resetLocaleContext();
	}

	@Test
	void shouldWriteEachDateInTheReadersLanguageAgainAndAgain() {
		Instant march = Instant.parse("2026-03-01T08:30:00Z");
		for (int i = 0; i < 2; i++) {
			LocaleContextHolder.setLocale(Locale.ENGLISH);
			assertThat(this.time.exact(march)).isEqualTo("Sunday 1 March 2026, 08:30 UTC");
			assertThat(this.time.day(march)).isEqualTo("1 Mar 2026");
			assertThat(this.time.ago(march)).isEqualTo("1 Mar 2026");
			LocaleContextHolder.setLocale(Locale.FRENCH);
			assertThat(this.time.exact(march)).isEqualTo("dimanche 1 mars 2026 à 08\u00a0h\u00a030 UTC");
			assertThat(this.time.day(march)).isEqualTo("1 mars 2026");
		}
	}

	private static ResourceBundleMessageSource messages() {
		ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
		messages.setBasename("messages");
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
		return messages;
	}

}
