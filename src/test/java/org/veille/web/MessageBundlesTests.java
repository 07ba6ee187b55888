package org.veille.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every text of the interface exists in English and in French.
 */
class MessageBundlesTests {

	@Test
	void shouldHaveTheSameKeysInEnglishAndFrench() throws IOException {
		Set<String> english = load("/messages.properties").stringPropertyNames();
		Set<String> french = load("/messages_fr.properties").stringPropertyNames();

		assertThat(french).as("keys missing in French").containsAll(english);
		assertThat(english).as("keys missing in English").containsAll(french);
	}

	@Test
	void shouldHaveNoEmptyTexts() throws IOException {
		for (String bundle : new String[] { "/messages.properties", "/messages_fr.properties" }) {
			Properties properties = load(bundle);
			assertThat(properties.stringPropertyNames()).as(bundle)
				.allSatisfy((key) -> assertThat(properties.getProperty(key)).as(key).isNotBlank());
		}
	}

	private static Properties load(String name) throws IOException {
		Properties properties = new Properties();
		try (InputStream in = MessageBundlesTests.class.getResourceAsStream(name)) {
			assertThat(in).as(name).isNotNull();
			properties.load(in);
		}
		return properties;
	}

}
