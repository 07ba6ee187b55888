package org.veille.browser;

import java.io.File;
import java.util.concurrent.atomic.AtomicBoolean;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;

/**
 * Whether the browser tests can run here. Without Chromium they are skipped, with one line on the
 * console saying how to run them, so that {@code ./mvnw verify} passes on a machine without a browser;
 * where {@value #MODE_VARIABLE}{@code =required} (CI sets it), a missing browser fails them instead.
 */
final class BrowserAvailability {

	static final String MODE_VARIABLE = "VEILLE_BROWSER_TESTS";

	static final String CHROMIUM_VARIABLE = "VEILLE_CHROMIUM";

	static final String CHROMEDRIVER_VARIABLE = "VEILLE_CHROMEDRIVER";

	static final String DEFAULT_CHROMIUM = "/usr/bin/chromium";

	static final String DEFAULT_CHROMEDRIVER = "/usr/bin/chromedriver";

	private static final AtomicBoolean told = new AtomicBoolean();

	private BrowserAvailability() {
	}

	/** The answer for this machine, from the environment. */
	static ConditionEvaluationResult here() {
		ConditionEvaluationResult result = decide(path(CHROMIUM_VARIABLE, DEFAULT_CHROMIUM),
				path(CHROMEDRIVER_VARIABLE, DEFAULT_CHROMEDRIVER), System.getenv(MODE_VARIABLE));
		if (result.isDisabled() && told.compareAndSet(false, true)) {
			System.out.println(result.getReason().orElseThrow());
		}
		return result;
	}

	static ConditionEvaluationResult decide(String chromium, String chromedriver, @Nullable String mode) {
		String missing = missing(chromium, chromedriver);
		if (missing == null) {
			return ConditionEvaluationResult.enabled("Chromium found");
		}
		if ("required".equalsIgnoreCase(mode)) {
			return ConditionEvaluationResult.enabled(MODE_VARIABLE + "=required: the tests will fail on " + missing);
		}
		return ConditionEvaluationResult.disabled("Browser tests skipped: " + missing
				+ ". To run them, install Debian's chromium and chromium-driver (apt-get install chromium"
				+ " chromium-driver) or set " + CHROMIUM_VARIABLE + " and " + CHROMEDRIVER_VARIABLE + ".");
	}

	/** What is missing, or null when both programs are there. */
	static @Nullable String missing(String chromium, String chromedriver) {
		for (String path : new String[] { chromium, chromedriver }) {
			File file = new File(path);
			if (!file.isFile() || !file.canExecute()) {
				return "no executable at " + path;
			}
		}
		return null;
	}

	static String path(String variable, String fallback) {
		String configured = System.getenv(variable);
		return (configured != null && !configured.isBlank()) ? configured : fallback;
	}

}
