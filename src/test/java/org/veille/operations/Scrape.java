package org.veille.operations;

import java.util.List;

/** One read of /actuator/prometheus, and the values of its series. */
record Scrape(List<String> lines) {

	static Scrape of(String body) {
		return new Scrape(body.lines().filter((line) -> !line.startsWith("#")).toList());
	}

	/**
	 * The sum of the series of this name whose labels include these pairs ({@code "kind", "thread"}), 0 when
	 * none is listed; {@link #has} tells the two apart.
	 */
	double value(String name, String... labels) {
		return this.lines.stream()
			.filter((line) -> matches(line, name, labels))
			.mapToDouble((line) -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
			.sum();
	}

	boolean has(String name, String... labels) {
		return this.lines.stream().anyMatch((line) -> matches(line, name, labels));
	}

	private static boolean matches(String line, String name, String... labels) {
		if (!line.startsWith(name + "{") && !line.startsWith(name + " ")) {
			return false;
		}
		String series = line.substring(0, line.lastIndexOf(' '));
		for (int i = 0; i + 1 < labels.length; i += 2) {
			if (!series.contains(labels[i] + "=\"" + labels[i + 1] + "\"")) {
				return false;
			}
		}
		return true;
	}

	@Override
	public String toString() {
		return String.join("\n", this.lines);
	}

}
