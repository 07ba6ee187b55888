package org.veille.outbound;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.List;
import java.util.concurrent.ScheduledFuture;

import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.io.ModalCloseable;
import org.jspecify.annotations.Nullable;

/**
 * An answer whose head is read and whose body waits on the connection. Nothing of the body is read until asked,
 * and never more than the limit asked for; closing an answer whose body was not read to its end drops the
 * connection (reading the rest to keep it could cost anything), while one read to its end goes back to the pool.
 */
public final class OutboundResponse implements AutoCloseable {

	private final URI uri;

	private final HttpUriRequestBase request;

	private final ClassicHttpResponse response;

	private final ScheduledFuture<?> abort;

	private final Deadline deadline;

	private @Nullable Body body;

	private @Nullable URI movedTo;

	OutboundResponse(URI uri, HttpUriRequestBase request, ClassicHttpResponse response, ScheduledFuture<?> abort,
			Deadline deadline) {
		this.uri = uri;
		this.request = request;
		this.response = response;
		this.abort = abort;
		this.deadline = deadline;
	}

	/** The URL that answered, after redirects. */
	public URI uri() {
		return this.uri;
	}

	/**
	 * Where the permanent redirects (301, 308) that came first led: the address to keep instead of the one asked
	 * for. Null when the first answer was no permanent redirect; a temporary one ends the run.
	 */
	public @Nullable URI movedTo() {
		return this.movedTo;
	}

	void movedTo(URI address) {
		this.movedTo = address;
	}

	public int status() {
		return this.response.getCode();
	}

	/** The status as people read it: {@code 404 Not Found}. */
	public String statusText() {
		String reason = this.response.getReasonPhrase();
		return (reason == null || reason.isBlank()) ? String.valueOf(status()) : status() + " " + reason.strip();
	}

	public boolean isSuccess() {
		return status() >= 200 && status() < 300;
	}

	public boolean isRedirect() {
		return switch (status()) {
			case 301, 302, 303, 307, 308 -> true;
			default -> false;
		};
	}

	/** The first value of a header, whatever its case; null when absent. */
	public @Nullable String header(String name) {
		Header header = this.response.getFirstHeader(name);
		return (header != null) ? header.getValue() : null;
	}

	/** Whether the body came compressed ({@code Content-Encoding}); it is read decompressed. */
	public boolean isCompressed() {
		String encoding = header("Content-Encoding");
		return encoding != null && !encoding.isBlank() && !encoding.strip().equalsIgnoreCase("identity");
	}

	/** The size of the body as sent: its {@code Content-Length} when uncompressed, else -1. */
	public long declaredLength() {
		HttpEntity entity = this.response.getEntity();
		if (entity == null) {
			return 0;
		}
		return isCompressed() ? -1 : entity.getContentLength();
	}

	/** The whole body, or {@code limit} bytes of it when it is longer. */
	public BoundedBody read(long limit) throws IOException {
		return BodyReader.readAtMost(body(), limit);
	}

	/** The body up to the first of these ASCII markers, in any case, or {@code limit} bytes. */
	public BoundedBody readUntil(long limit, List<String> markers) throws IOException {
		return BodyReader.readUntil(body(), limit, markers);
	}

	/** Counts the bytes of the body; -1 once it passes {@code limit}, where counting stops. */
	public long count(long limit) throws IOException {
		return BodyReader.count(body(), limit);
	}

	/** The body, decompressed, failing with a timeout once the deadline passed. */
	public InputStream body() throws IOException {
		if (this.body == null) {
			HttpEntity entity = this.response.getEntity();
			try {
				this.body = new Body((entity != null) ? entity.getContent() : InputStream.nullInputStream(),
						this.deadline);
			}
			catch (IOException ex) {
				throw this.deadline.explain(ex);
			}
		}
		return this.body;
	}

	@Override
	public void close() {
		boolean readToTheEnd = (this.response.getEntity() == null) || (this.body != null && this.body.ended);
		if (readToTheEnd) {
			// Back to the pool: HttpClient released the connection when the body ended (a decompressed body may
			// leave a few bytes to read first, under the deadline still).
			closeQuietly(CloseMode.GRACEFUL);
		}
		else {
			this.request.cancel();
			closeQuietly(CloseMode.IMMEDIATE);
		}
		this.abort.cancel(false);
	}

	private void closeQuietly(CloseMode mode) {
		if (this.response instanceof ModalCloseable closeable) {
			closeable.close(mode);
			return;
		}
		try {
			this.response.close();
		}
		catch (IOException ignored) {
			// The connection is dropped either way.
		}
	}

	/** The body as read: ends with a timeout once the deadline passed, remembers whether it was read to its end. */
	private static final class Body extends FilterInputStream {

		private final Deadline deadline;

		private boolean ended;

		Body(InputStream in, Deadline deadline) {
			super(in);
			this.deadline = deadline;
		}

		@Override
		public int read() throws IOException {
			byte[] one = new byte[1];
			return (read(one, 0, 1) == -1) ? -1 : one[0] & 0xff;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			this.deadline.check();
			try {
				int read = this.in.read(buffer, offset, length);
				if (read == -1) {
					this.ended = true;
				}
				return read;
			}
			catch (IOException ex) {
				throw this.deadline.explain(ex);
			}
		}

		@Override
		public long skip(long n) throws IOException {
			byte[] skipped = new byte[(int) Math.min(n, 8 * 1024)];
			int read = read(skipped, 0, skipped.length);
			return Math.max(read, 0);
		}

		@Override
		public void close() {
			// Closing the entity's stream would read the rest of the body to keep the connection: OutboundResponse
			// decides instead.
		}

	}

}
