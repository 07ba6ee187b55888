package org.veille.link.fetch;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Just enough HTTP/1.1 for fetching a page: one GET per connection ({@code Connection: close}), gzip and deflate
 * accepted, every read bounded by the fetch's deadline. Redirects are the caller's business.
 */
final class HttpGetClient {

	private final Connector connector;
	private final String userAgent;

	HttpGetClient(Connector connector, String userAgent) {
		this.connector = connector;
		this.userAgent = userAgent;
	}

	RawResponse get(URI uri, HttpTarget target, List<InetAddress> addresses, String accept, Deadline deadline)
			throws IOException {
		Socket socket = connector.open(target, addresses, deadline);
		try {
			OutputStream out = socket.getOutputStream();
			out.write(request(target, accept));
			out.flush();
			BufferedInputStream in = new BufferedInputStream(
					new DeadlineInputStream(socket, socket.getInputStream(), deadline), 16 * 1024);
			ResponseHead head = ResponseHeadReader.read(in);
			return new RawResponse(uri, head, in, socket);
		}
		catch (IOException | RuntimeException ex) {
			Connector.closeQuietly(socket);
			throw ex;
		}
	}

	private byte[] request(HttpTarget target, String accept) {
		String request = "GET " + target.requestTarget() + " HTTP/1.1\r\n"
				+ "Host: " + target.hostHeader() + "\r\n"
				+ "User-Agent: " + userAgent + "\r\n"
				+ "Accept: " + accept + "\r\n"
				+ "Accept-Encoding: gzip, deflate\r\n"
				+ "Connection: close\r\n"
				+ "\r\n";
		return request.getBytes(StandardCharsets.US_ASCII);
	}
}

