package org.veille.link.fetch;

import java.io.IOException;
import java.io.InputStream;
import java.net.ProtocolException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads a response's status line and headers, skipping interim 1xx responses such as 103 Early Hints. */
final class ResponseHeadReader {

	private static final int MAX_LINE = 8 * 1024;
	private static final int MAX_HEADER_LINES = 200;
	private static final int MAX_INTERIM_RESPONSES = 10;
	private static final Pattern STATUS_LINE = Pattern.compile("HTTP/1\\.[01] ([1-9][0-9]{2})(?: (.*))?");

	private ResponseHeadReader() {
	}

	static ResponseHead read(InputStream in) throws IOException {
		for (int interim = 0; interim <= MAX_INTERIM_RESPONSES; interim++) {
			ResponseHead head = readOne(in);
			if (head.status() >= 200) {
				return head;
			}
			if (head.status() == 101) {
				throw new ProtocolException("unasked protocol switch");
			}
		}
		throw new ProtocolException("too many interim responses");
	}

	private static ResponseHead readOne(InputStream in) throws IOException {
		String statusLine = AsciiLines.read(in, MAX_LINE);
		if (statusLine == null) {
			throw new ProtocolException("empty response");
		}
		Matcher matcher = STATUS_LINE.matcher(statusLine.strip());
		if (!matcher.matches()) {
			throw new ProtocolException("not an HTTP/1.x status line: " + abbreviate(statusLine));
		}
		int status = Integer.parseInt(matcher.group(1));
		String reason = matcher.group(2) == null ? "" : matcher.group(2).strip();
		return new ResponseHead(status, reason, readHeaders(in));
	}

	private static Map<String, List<String>> readHeaders(InputStream in) throws IOException {
		Map<String, List<String>> headers = new LinkedHashMap<>();
		String name = null;
		for (int count = 0; count < MAX_HEADER_LINES; count++) {
			String line = AsciiLines.read(in, MAX_LINE);
			if (line == null) {
				throw new ProtocolException("connection closed inside the headers");
			}
			if (line.isEmpty()) {
				return headers;
			}
			if ((line.startsWith(" ") || line.startsWith("\t")) && name != null) {
				// An obsolete folded line continues the previous header.
				List<String> values = headers.get(name);
				int last = values.size() - 1;
				values.set(last, values.get(last) + " " + line.strip());
				continue;
			}
			int colon = line.indexOf(':');
			if (colon <= 0) {
				throw new ProtocolException("malformed header line: " + abbreviate(line));
			}
			name = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
			headers.computeIfAbsent(name, key -> new ArrayList<>()).add(line.substring(colon + 1).strip());
		}
		throw new ProtocolException("more than " + MAX_HEADER_LINES + " header lines");
	}

	private static String abbreviate(String line) {
		return line.length() > 80 ? line.substring(0, 80) + "…" : line;
	}
}
