package org.veille.support;

import org.testcontainers.DockerClientFactory;

/**
 * Which real PostgreSQL the tests use (DESIGN §2), decided once per test JVM: the database named by
 * {@code VEILLE_TEST_DATABASE_URL}, else one that Testcontainers starts, else a throw-away embedded
 * PostgreSQL in a temporary directory. Never the developer's own data.
 */
enum TestDatabase {

	EXTERNAL, CONTAINER, EMBEDDED;

	static final String URL_VARIABLE = "VEILLE_TEST_DATABASE_URL";

	private static final TestDatabase CHOSEN = choose();

	static TestDatabase chosen() {
		return CHOSEN;
	}

	static String env(String name, String fallback) {
		String value = System.getenv(name);
		return (value != null && !value.isBlank()) ? value : fallback;
	}

	private static TestDatabase choose() {
		if (!env(URL_VARIABLE, "").isEmpty()) {
			return EXTERNAL;
		}
		if (dockerAvailable()) {
			return CONTAINER;
		}
		return EMBEDDED;
	}

	private static boolean dockerAvailable() {
		try {
			return DockerClientFactory.instance().isDockerAvailable();
		}
		catch (RuntimeException | LinkageError ex) {
			return false;
		}
	}

	static String unavailableMessage(Throwable cause) {
		return "The tests need a real PostgreSQL and none could be had (" + cause.getMessage() + "). Either set "
				+ URL_VARIABLE + " (with VEILLE_TEST_DATABASE_USERNAME and VEILLE_TEST_DATABASE_PASSWORD) to an empty"
				+ " database you provide, or make Docker available so that Testcontainers can start PostgreSQL."
				+ " (The last resort, an embedded PostgreSQL in a temporary directory, could not start either.)";
	}

}
