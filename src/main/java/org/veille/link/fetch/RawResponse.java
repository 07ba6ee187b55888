package org.veille.link.fetch;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.URI;

/** A response whose head is read and whose body waits on the open connection; closing drops the connection. */
final class RawResponse implements AutoCloseable {

	private final URI uri;
	private final ResponseHead head;
	private final InputStream afterHead;
	private final Socket socket;

	RawResponse(URI uri, ResponseHead head, InputStream afterHead, Socket socket) {
		this.uri = uri;
		this.head = head;
		this.afterHead = afterHead;
		this.socket = socket;
	}

	URI uri() {
		return uri;
	}

	ResponseHead head() {
		return head;
	}

	/**
	 * The body, unframed and decompressed. Nothing of it is read before this is called, so a redirect or an error
	 * costs no body at all, not even a compressed one's header.
	 */
	InputStream body() throws IOException {
		return BodyDecoding.decode(head, afterHead);
	}

	@Override
	public void close() {
		Connector.closeQuietly(socket);
	}
}
