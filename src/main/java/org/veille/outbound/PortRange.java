package org.veille.outbound;

/**
 * One port ({@code 443}) or a range of them ({@code 8000-8999}), as written in {@code veille.outbound.allowed-ports}.
 */
public record PortRange(int first, int last) {

	public PortRange {
		if (first < 1 || last > 65535 || first > last) {
			throw new IllegalArgumentException("ports go from 1 to 65535, the first no larger than the last: "
					+ first + "-" + last);
		}
	}

	/** Reads {@code 443} or {@code 8000-8999}; Spring Boot converts each item of the setting with it. */
	public static PortRange valueOf(String text) {
		String trimmed = text.strip();
		int dash = trimmed.indexOf('-', 1);
		try {
			if (dash < 0) {
				int port = Integer.parseInt(trimmed);
				return new PortRange(port, port);
			}
			return new PortRange(Integer.parseInt(trimmed.substring(0, dash).strip()),
					Integer.parseInt(trimmed.substring(dash + 1).strip()));
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException("not a port or a range of ports such as 8000-8999: " + text, ex);
		}
	}

	boolean contains(int port) {
		return port >= this.first && port <= this.last;
	}

	@Override
	public String toString() {
		return (this.first == this.last) ? String.valueOf(this.first) : this.first + "-" + this.last;
	}

}
