package org.veille.link.fetch;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;

/**
 * Socket input that ends at the fetch's deadline. Before every read the socket timeout is set to the time left, so a
 * silent server is cut when time runs out, and one that drips a byte at a time is cut at its first read after.
 */
final class DeadlineInputStream extends FilterInputStream {

	private final Socket socket;
	private final Deadline deadline;

	DeadlineInputStream(Socket socket, InputStream in, Deadline deadline) {
		super(in);
		this.socket = socket;
		this.deadline = deadline;
	}

	@Override
	public int read() throws IOException {
		socket.setSoTimeout(deadline.timeoutMillis());
		return in.read();
	}

	@Override
	public int read(byte[] buffer, int offset, int length) throws IOException {
		socket.setSoTimeout(deadline.timeoutMillis());
		return in.read(buffer, offset, length);
	}

	@Override
	public long skip(long n) throws IOException {
		socket.setSoTimeout(deadline.timeoutMillis());
		return in.skip(n);
	}
}
