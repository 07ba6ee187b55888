package org.veille.browser;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class BrowserAvailabilityTests {

	@TempDir
	Path directory;

	@Test
	void shouldRunWhenBothProgramsAreThere() throws IOException {
		assertThat(BrowserAvailability.decide(program("chromium"), program("chromedriver"), null).isDisabled())
			.isFalse();
	}

	@Test
	void shouldSkipWithOneLineSayingHowWhenChromiumIsMissing() throws IOException {
		var result = BrowserAvailability.decide(this.directory.resolve("none").toString(), program("chromedriver"),
				null);

		assertThat(result.isDisabled()).isTrue();
		assertThat(result.getReason()).get(org.assertj.core.api.InstanceOfAssertFactories.STRING)
			.startsWith("Browser tests skipped: no executable at ")
			.contains("apt-get install chromium chromium-driver")
			.doesNotContain("\n");
	}

	@Test
	void shouldSkipWhenTheDriverIsNotExecutable() throws IOException {
		Path driver = Files.createFile(this.directory.resolve("chromedriver"));

		assertThat(BrowserAvailability.decide(program("chromium"), driver.toString(), "").isDisabled()).isTrue();
	}

	@Test
	void shouldRunAndSoFailWhenRequiredButMissing() {
		var result = BrowserAvailability.decide(this.directory.resolve("none").toString(),
				this.directory.resolve("none-either").toString(), "required");

		assertThat(result.isDisabled()).isFalse();
		assertThat(Browser.MISSING_MESSAGE).contains("apt-get install chromium chromium-driver");
	}

	private String program(String name) throws IOException {
		Path file = Files.createFile(this.directory.resolve(name),
				PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
		return file.toString();
	}

}
