package org.veille.link.fetch;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** Test pages from {@code src/test/resources/fetch}, and fetcher settings for local servers. */
final class Fixtures {

	static final long BODY_LIMIT = 64 * 1024;

	private Fixtures() {
	}

	static byte[] bytes(String name) {
		try (InputStream in = Fixtures.class.getResourceAsStream("/fetch/" + name)) {
			if (in == null) {
				throw new IllegalArgumentException("No fixture " + name);
			}
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static String text(String name) {
		return new String(bytes(name), StandardCharsets.UTF_8);
	}

	/** Short limits, so that failing tests fail fast (the client's settings say which servers may be reached). */
	static FetchSettings localSettings() {
		return localSettings(Duration.ofSeconds(3));
	}

	static FetchSettings localSettings(Duration totalTimeout) {
		return new FetchSettings(totalTimeout, BODY_LIMIT, BODY_LIMIT, 5, "Veille-test/1.0");
	}
}
