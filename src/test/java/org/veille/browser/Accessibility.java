package org.veille.browser;

import java.util.List;
import java.util.stream.Collectors;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs axe-core (from its Maven Central jar) on the page the browser shows and fails on any serious or
 * critical violation, naming the rule, the elements and how to fix them.
 */
final class Accessibility {

	private static final List<String> BLOCKING = List.of("serious", "critical");

	private Accessibility() {
	}

	static void assertNoSeriousViolation(Browser browser, String what) {
		Results results = new AxeBuilder().withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"))
			.analyze(browser.driver());
		List<Rule> blocking = results.getViolations()
			.stream()
			.filter((rule) -> BLOCKING.contains(rule.getImpact()))
			.collect(Collectors.toList());
		assertThat(blocking).as(() -> what + ": " + describe(blocking)).isEmpty();
		assertThat(results.getPasses()).as(what + ": axe-core ran its checks").isNotEmpty();
	}

	private static String describe(List<Rule> rules) {
		return rules.stream()
			.map((rule) -> rule.getImpact() + " " + rule.getId() + " (" + rule.getHelp() + ") on "
					+ rule.getNodes().stream().map((node) -> String.valueOf(node.getTarget()) + " " + node.getFailureSummary())
						.collect(Collectors.joining("; ")))
			.collect(Collectors.joining("\n"));
	}

}
