package org.veille.link.fetch;

import java.net.URI;
import java.nio.charset.Charset;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/** What one fetch gave: a response worth keeping, or the reason there is none. */
public sealed interface FetchOutcome {

	/** The size of a body that was neither declared nor read whole. */
	long UNKNOWN_SIZE = -1;

	/**
	 * A successful (2xx) response.
	 *
	 * @param finalUri the URL that answered, after redirects
	 * @param status the HTTP status
	 * @param contentType the media type without parameters, lower case ({@code text/html}); null when not sent
	 * @param charset the charset the page was decoded with; null for anything but HTML
	 * @param sizeBytes the body size: counted when read whole, else the declared {@code Content-Length} of an
	 *     uncompressed body, else {@link #UNKNOWN_SIZE}
	 * @param metadata what the HTML page says about itself; null for anything but HTML
	 * @param body the image bytes for {@link PageFetcher#fetchImage}, empty for pages
	 */
	record Fetched(
			URI finalUri,
			int status,
			@Nullable String contentType,
			@Nullable Charset charset,
			long sizeBytes,
			@Nullable PageMetadata metadata,
			byte[] body) implements FetchOutcome {

		public Fetched {
			Objects.requireNonNull(finalUri, "finalUri");
			body = body.clone();
		}

		@Override
		public byte[] body() {
			return body.clone();
		}

		public boolean isHtml() {
			return metadata != null;
		}
	}

	/**
	 * No usable response.
	 *
	 * @param reason the kind of failure, for retries and statistics
	 * @param detail a short English explanation for logs and the admin, e.g. {@code "404 Not Found"}
	 */
	record Failed(FailureReason reason, String detail) implements FetchOutcome {

		public Failed {
			Objects.requireNonNull(reason, "reason");
			Objects.requireNonNull(detail, "detail");
		}
	}
}
