package org.veille.web;

import java.io.IOException;
import java.io.InputStream;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/**
 * Every label exists in English and in French, and every one that takes arguments formats with
 * them (a broken choice or a stray apostrophe would otherwise fail only when a page shows it).
 */
class MessageBundlesTests {

	@ParameterizedTest
	@ValueSource(strings = { "messages.properties", "messages_fr.properties" })
	void shouldFormatEveryLabelWithItsArguments(String bundle) throws IOException {
		Properties labels = load(bundle);
		Locale locale = bundle.contains("_fr") ? Locale.FRENCH : Locale.ENGLISH;
		for (String key : labels.stringPropertyNames()) {
			String label = labels.getProperty(key);
			if (!label.contains("{0")) {
				continue;
			}
			for (Object argument : new Object[] { 0, 1, 2, 1234 }) {
				assertThatCode(() -> new MessageFormat(label, locale).format(new Object[] { argument, argument }))
					.as("%s in %s", key, bundle)
					.doesNotThrowAnyException();
			}
			assertThat(new MessageFormat(label, locale).format(new Object[] { 2, 2 })).as("%s in %s", key, bundle)
				.doesNotContain("{0");
		}
	}

	@Test
	void shouldHaveTheSameLabelsInBothLanguages() throws IOException {
		assertThat(load("messages_fr.properties").stringPropertyNames())
			.containsExactlyInAnyOrderElementsOf(load("messages.properties").stringPropertyNames());
	}

	private static Properties load(String name) throws IOException {
		Properties properties = new Properties();
		try (InputStream in = MessageBundlesTests.class.getResourceAsStream("/" + name)) {
			properties.load(in);
		}
		return properties;
	}

}
