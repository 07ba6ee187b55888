package org.veille.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * HTTP/1.1 written by hand on a socket to the test server, for what java.net.http will not send or show
 * as it came: a chosen {@code Host} header, raw bytes in the request line, a header value exactly as the
 * server wrote it.
 */
public final class RawHttp {

	private static final int TIMEOUT_MILLIS = 10_000;

	private RawHttp() {
	}

	/** Sends {@code GET target} with this Host header on a connection of its own and reads the whole answer. */
	public static Answer get(int port, String host, String target) throws IOException {
		return exchange(port, "GET " + target + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n");
	}

	/** Sends the request as written and reads the answer until the server closes the connection. */
	public static Answer exchange(int port, String request) throws IOException {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", port), TIMEOUT_MILLIS);
			socket.setSoTimeout(TIMEOUT_MILLIS);
			OutputStream out = socket.getOutputStream();
			out.write(request.getBytes(StandardCharsets.UTF_8));
			out.flush();
			InputStream in = socket.getInputStream();
			return Answer.parse(in.readAllBytes());
		}
	}

	/**
	 * An answer as it came: the status, the header lines (ISO-8859-1, as HTTP defines them) and the body bytes
	 * (still chunked if the server chunked it).
	 */
	public record Answer(int status, List<String> headerLines, byte[] body) {

		static Answer parse(byte[] bytes) {
			String text = new String(bytes, StandardCharsets.ISO_8859_1);
			int end = text.indexOf("\r\n\r\n");
			String head = (end < 0) ? text : text.substring(0, end);
			List<String> lines = new ArrayList<>(List.of(head.split("\r\n", -1)));
			String statusLine = lines.remove(0);
			int status = Integer.parseInt(statusLine.substring(9, 12));
			byte[] body = (end < 0) ? new byte[0] : text.substring(end + 4).getBytes(StandardCharsets.ISO_8859_1);
			return new Answer(status, lines, body);
		}

		/** The first header of this name, exactly as written (case-insensitive name). */
		public Optional<String> header(String name) {
			String prefix = name + ":";
			return this.headerLines.stream()
				.filter((line) -> line.regionMatches(true, 0, prefix, 0, prefix.length()))
				.map((line) -> line.substring(prefix.length()).strip())
				.findFirst();
		}

		public String bodyText() {
			return new String(this.body, StandardCharsets.UTF_8);
		}

	}

}
