package org.veille.link.fetch;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Set;

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

	/** Private addresses allowed, the given ports allowed, short limits so that failing tests fail fast. */
	static FetchSettings localSettings(int... ports) {
		return localSettings(Duration.ofSeconds(3), ports);
	}

	static FetchSettings localSettings(Duration totalTimeout, int... ports) {
		return new FetchSettings(Duration.ofSeconds(1), totalTimeout, BODY_LIMIT, BODY_LIMIT, 5, "Veille-test/1.0",
				Set.copyOf(Arrays.stream(ports).boxed().toList()), true);
	}
}
