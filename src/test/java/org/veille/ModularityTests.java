package org.veille;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packages' boundaries (docs/architecture.md, "Packages"): each direct sub-package of {@code org.veille} is
 * an application module; their dependencies form no cycle and reach no module's sub-packages, and the
 * architecture page lists every module, from the bottom up, with what it may depend on.
 */
class ModularityTests {

	/** A row of the packages table: {@code | `name` | what it owns | what it depends on |}. */
	private static final Pattern ROW = Pattern.compile("^\\| `([a-z.]+)` \\|.*\\| ([a-z, ]+) \\|$", Pattern.MULTILINE);

	private static final ApplicationModules MODULES = ApplicationModules.of(VeilleApplication.class);

	@Test
	void shouldKeepThePackagesFreeOfCyclesAndOutOfEachOthersSubPackages() {
		MODULES.verify();
	}

	@Test
	void shouldListEveryPackageInTheArchitecturePageAboveWhatDependsOnIt() throws IOException {
		Map<String, Set<String>> table = documented();

		assertThat(table.keySet()).as("the packages listed in docs/architecture.md")
			.containsExactlyInAnyOrderElementsOf(MODULES.stream().map(ApplicationModule::getName).toList());
		for (ApplicationModule module : MODULES) {
			assertThat(table.get(module.getName()))
				.as("what docs/architecture.md says %s depends on", module.getName())
				.containsAll(module.getDirectDependencies(MODULES).uniqueModules().map(ApplicationModule::getName).toList());
		}
		List<String> order = new ArrayList<>(table.keySet());
		table.forEach((name, dependencies) -> assertThat(dependencies)
			.as("what %s depends on, listed above it in docs/architecture.md", name)
			.allMatch((dependency) -> order.indexOf(dependency) >= 0 && order.indexOf(dependency) < order.indexOf(name)));
	}

	/** The packages table, in its order: each package and what it may depend on. */
	private static Map<String, Set<String>> documented() throws IOException {
		String page = Files.readString(Path.of("docs/architecture.md"), StandardCharsets.UTF_8);
		String section = page.substring(page.indexOf("## Packages"));
		section = section.substring(0, section.indexOf("\n## "));
		Map<String, Set<String>> table = new LinkedHashMap<>();
		Matcher row = ROW.matcher(section);
		while (row.find()) {
			Set<String> dependencies = row.group(2).equals("nothing") ? new TreeSet<>()
					: Arrays.stream(row.group(2).split(", ")).collect(Collectors.toCollection(TreeSet::new));
			table.put(row.group(1), dependencies);
		}
		return table;
	}

}
