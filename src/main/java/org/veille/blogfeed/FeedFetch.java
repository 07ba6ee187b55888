package org.veille.blogfeed;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.net.ssl.SSLException;

import org.jspecify.annotations.Nullable;

import org.veille.outbound.BlockedAddressException;
import org.veille.outbound.BoundedBody;
import org.veille.outbound.Deadline;
import org.veille.outbound.OutboundClient;
import org.veille.outbound.OutboundResponse;
import org.veille.outbound.RefusedRequestException;

/**
 * One conditional GET of a feed through the {@link OutboundClient} (every address and port checked, redirects
 * included, within one deadline and a size limit). Never throws for what the other side does: the outcome says it.
 */
final class FeedFetch {

	private static final String ACCEPT = "application/atom+xml, application/rss+xml, application/rdf+xml;q=0.9, "
			+ "application/xml;q=0.8, text/xml;q=0.8, */*;q=0.1";

	/** What a fetch gave. */
	sealed interface Outcome permits Answered, Failed {
	}

	/** An answer that worked (a body or a 304), reached through permanent redirects to {@code movedTo} if not null. */
	sealed interface Answered extends Outcome {

		@Nullable URI movedTo();

	}

	/** 304: nothing new since the validators sent. */
	record NotModified(@Nullable URI movedTo) implements Answered {
	}

	/** The feed's body, whole, and the validators to send next time. */
	record Body(URI address, byte[] bytes, @Nullable String contentType, @Nullable String etag,
			@Nullable String lastModified, @Nullable URI movedTo) implements Answered {
	}

	/**
	 * @param messageKey says what failed, in the person's language
	 * @param retryAfter how long the server asked us to wait, when it did
	 */
	record Failed(String messageKey, String detail, @Nullable Duration retryAfter) implements Outcome {
	}

	private final OutboundClient client;

	private final BlogFeedProperties properties;

	FeedFetch(OutboundClient client, BlogFeedProperties properties) {
		this.client = client;
		this.properties = properties;
	}

	Outcome fetch(String url, @Nullable String etag, @Nullable String lastModified) {
		Map<String, String> headers = new LinkedHashMap<>();
		headers.put("Accept", ACCEPT);
		headers.put("Accept-Encoding", "gzip, deflate");
		if (etag != null) {
			headers.put("If-None-Match", etag);
		}
		if (lastModified != null) {
			headers.put("If-Modified-Since", lastModified);
		}
		long limit = this.properties.maxSize().toBytes();
		Deadline deadline = Deadline.after(this.properties.totalTimeout());
		try (OutboundResponse response = this.client.get(URI.create(url), headers, BlogFeedProperties.MAX_REDIRECTS,
				deadline)) {
			if (response.status() == 304) {
				return new NotModified(response.movedTo());
			}
			if (!response.isSuccess()) {
				return new Failed("blogfeeds.error.status", response.statusText(), retryAfter(response));
			}
			if (response.declaredLength() > limit) {
				return tooLarge(limit);
			}
			BoundedBody body = response.read(limit);
			if (!body.complete()) {
				return tooLarge(limit);
			}
			return new Body(response.uri(), body.bytes(), response.header("Content-Type"), response.header("ETag"),
					response.header("Last-Modified"), response.movedTo());
		}
		catch (IllegalArgumentException ex) {
			return new Failed("blogfeeds.error.bad-url", String.valueOf(ex.getMessage()), null);
		}
		catch (IOException ex) {
			return failed(ex);
		}
	}

	private static Failed tooLarge(long limit) {
		return new Failed("blogfeeds.error.too-large", "more than " + limit + " bytes", null);
	}

	private static Failed failed(IOException failure) {
		String detail = (failure.getMessage() == null) ? failure.getClass().getSimpleName() : failure.getMessage();
		if (failure instanceof BlockedAddressException) {
			return new Failed("blogfeeds.error.blocked", detail, null);
		}
		if (failure instanceof RefusedRequestException refused) {
			String key = switch (refused.reason()) {
				case BLOCKED_PORT -> "blogfeeds.error.blocked";
				case BAD_URL -> "blogfeeds.error.bad-url";
				case TOO_MANY_REDIRECTS -> "blogfeeds.error.redirects";
			};
			return new Failed(key, detail, null);
		}
		if (failure instanceof SocketTimeoutException) {
			return new Failed("blogfeeds.error.timeout", detail, null);
		}
		if (failure instanceof UnknownHostException) {
			return new Failed("blogfeeds.error.dns", detail, null);
		}
		if (failure instanceof ConnectException || failure instanceof NoRouteToHostException) {
			return new Failed("blogfeeds.error.refused", detail, null);
		}
		if (failure instanceof SSLException) {
			return new Failed("blogfeeds.error.tls", detail, null);
		}
		return new Failed("blogfeeds.error.network", failure.getClass().getSimpleName() + ": " + detail, null);
	}

	/** {@code Retry-After} in seconds (the date form is rare enough to be read as no wait). */
	private static @Nullable Duration retryAfter(OutboundResponse response) {
		String value = response.header("Retry-After");
		if (value == null || !value.strip().matches("\\d{1,9}")) {
			return null;
		}
		return Duration.ofSeconds(Long.parseLong(value.strip()));
	}

}
