package org.veille.bench;

import java.util.Optional;

/** The {@code name=value} arguments the benchmark programs take on their command line. */
final class Arguments {

	private Arguments() {
	}

	/** The value given for {@code name}; it must be given. */
	static String text(String[] args, String name) {
		return find(args, name).orElseThrow(() -> new IllegalArgumentException("Missing " + name + "=…"));
	}

	/** The value given for {@code name}, or {@code fallback} when it is not given. */
	static String text(String[] args, String name, String fallback) {
		return find(args, name).orElse(fallback);
	}

	/** The number given for {@code name}, or {@code fallback} when it is not given. */
	static int number(String[] args, String name, int fallback) {
		return find(args, name).map(Integer::parseInt).orElse(fallback);
	}

	private static Optional<String> find(String[] args, String name) {
		for (String argument : args) {
			if (argument.startsWith(name + "=")) {
				return Optional.of(argument.substring(name.length() + 1));
			}
		}
		return Optional.empty();
	}

}
