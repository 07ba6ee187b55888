package org.veille.link.fetch;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.util.List;

import javax.net.ssl.SSLSocketFactory;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

import org.veille.link.fetch.BodyReader.Body;
import org.veille.link.fetch.CharsetDetector.DecodedText;
import org.veille.link.fetch.FetchOutcome.Failed;
import org.veille.link.fetch.FetchOutcome.Fetched;

/**
 * Fetches a linked page, or a preview image, within the limits of {@link FetchSettings}: http(s) only, allowed
 * ports only, every address (redirects included) checked by the {@link AddressGuard} and connected to as checked,
 * one deadline for the whole fetch. Never throws for anything the remote side does; thread-safe.
 *
 * <p>An HTML page is read up to the end of its head, or its first {@code maxBodyBytes} when the head does not end
 * sooner, and parsed from that: a 10 MiB page is previewed from its first bytes, never read whole. Other content
 * keeps its type and size and is not read when its {@code Content-Length} says its size; when it does not, it is
 * counted up to {@code maxBodyBytes} and beyond that is {@link FailureReason#TOO_LARGE}.
 */
public final class PageFetcher {

	private static final String PAGE_ACCEPT = "text/html,application/xhtml+xml;q=0.9,*/*;q=0.8";
	private static final String IMAGE_ACCEPT = "image/avif,image/webp,image/png,image/jpeg,image/*;q=0.8";
	private static final byte[] NO_BODY = new byte[0];

	private final FetchSettings settings;
	private final AddressGuard guard;
	private final HttpGetClient http;
	private final MetadataExtractor extractor = new MetadataExtractor();

	public PageFetcher(FetchSettings settings) {
		this(settings, AddressGuard.forSettings(settings));
	}

	/** With a guard of one's own: another resolver, or a policy that lets a test server through but no other. */
	public PageFetcher(FetchSettings settings, AddressGuard guard) {
		this(settings, guard, (SSLSocketFactory) SSLSocketFactory.getDefault());
	}

	PageFetcher(FetchSettings settings, AddressGuard guard, SSLSocketFactory tls) {
		this.settings = settings;
		this.guard = guard;
		this.http = new HttpGetClient(new Connector(settings.connectTimeout(), tls), settings.userAgent());
	}

	/** Fetches a page and, when it is HTML, what it says about itself. */
	public FetchOutcome fetch(URI uri) {
		return run(uri, PAGE_ACCEPT, this::readPage);
	}

	/**
	 * Fetches an image whole, up to {@code maxImageBytes}, for a thumbnail: {@link Fetched#body()} holds it.
	 * Anything but an {@code image/*} answer is {@link FailureReason#UNSUPPORTED_CONTENT_TYPE}.
	 */
	public FetchOutcome fetchImage(URI uri) {
		return run(uri, IMAGE_ACCEPT, this::readImage);
	}

	private FetchOutcome run(URI uri, String accept, BodyHandler handler) {
		Deadline deadline = Deadline.after(settings.totalTimeout());
		try (RawResponse response = follow(uri, accept, deadline)) {
			if (!response.head().isSuccess()) {
				return new Failed(FailureReason.HTTP_STATUS, response.head().statusText());
			}
			return handler.read(response);
		}
		catch (FetchFailure failure) {
			return failure.outcome();
		}
		catch (IOException ex) {
			return IoFailures.failed(ex);
		}
	}

	private RawResponse follow(URI start, String accept, Deadline deadline) throws IOException, FetchFailure {
		URI current = start;
		for (int redirects = 0;; redirects++) {
			RawResponse response = open(current, accept, deadline);
			ResponseHead head = response.head();
			if (!head.isRedirect()) {
				return response;
			}
			response.close();
			String location = head.header("location");
			if (location == null || location.isBlank()) {
				throw new FetchFailure(FailureReason.HTTP_STATUS, head.statusText() + " without a Location header");
			}
			if (redirects == settings.maxRedirects()) {
				throw new FetchFailure(FailureReason.TOO_MANY_REDIRECTS,
						"more than " + settings.maxRedirects() + " redirects from " + start);
			}
			URI next = LenientUris.resolve(current, location);
			if (next == null) {
				throw new FetchFailure(FailureReason.BAD_URL, "bad redirect location: " + location);
			}
			current = next;
		}
	}

	private RawResponse open(URI uri, String accept, Deadline deadline) throws IOException, FetchFailure {
		HttpTarget target;
		try {
			target = HttpTarget.of(uri);
		}
		catch (IllegalArgumentException ex) {
			throw new FetchFailure(FailureReason.BAD_URL, String.valueOf(ex.getMessage()));
		}
		if (!settings.allowedPorts().contains(target.port())) {
			throw new FetchFailure(FailureReason.BLOCKED_ADDRESS, "port " + target.port() + " is not allowed");
		}
		List<InetAddress> addresses;
		try {
			addresses = guard.check(target.host());
		}
		catch (BlockedAddressException ex) {
			throw new FetchFailure(FailureReason.BLOCKED_ADDRESS, String.valueOf(ex.getMessage()));
		}
		return http.get(uri, target, addresses, accept, deadline);
	}

	private FetchOutcome readPage(RawResponse response) throws IOException, FetchFailure {
		ResponseHead head = response.head();
		ContentType type = ContentType.parse(head.header("content-type"));
		if (type != null && !type.isHtml()) {
			return readOther(response, type);
		}
		Body body = BodyReader.readHtmlHead(response.body(), settings.maxBodyBytes());
		if (type == null && !HtmlSniffer.looksLikeHtml(body.bytes())) {
			return new Fetched(response.uri(), head.status(), null, null, sizeOf(head, body), null, NO_BODY);
		}
		DecodedText decoded =
				CharsetDetector.decode(body.bytes(), type == null ? null : type.charset(), !body.complete());
		Document document = Jsoup.parse(decoded.text(), response.uri().toString());
		PageMetadata metadata = extractor.extract(document, response.uri(), head.header("content-language"));
		return new Fetched(response.uri(), head.status(), type == null ? null : type.mediaType(), decoded.charset(),
				sizeOf(head, body), metadata, NO_BODY);
	}

	private FetchOutcome readOther(RawResponse response, ContentType type) throws IOException, FetchFailure {
		ResponseHead head = response.head();
		long size = BodyDecoding.declaredLength(head);
		if (size < 0 || BodyDecoding.isCompressed(head)) {
			size = BodyReader.count(response.body(), settings.maxBodyBytes());
			if (size < 0) {
				throw tooLarge(settings.maxBodyBytes());
			}
		}
		return new Fetched(response.uri(), head.status(), type.mediaType(), null, size, null, NO_BODY);
	}

	private FetchOutcome readImage(RawResponse response) throws IOException, FetchFailure {
		ResponseHead head = response.head();
		ContentType type = ContentType.parse(head.header("content-type"));
		if (type == null || !type.isImage()) {
			throw new FetchFailure(FailureReason.UNSUPPORTED_CONTENT_TYPE,
					"not an image: " + (type == null ? "no Content-Type" : type.mediaType()));
		}
		if (BodyDecoding.declaredLength(head) > settings.maxImageBytes() && !BodyDecoding.isCompressed(head)) {
			throw tooLarge(settings.maxImageBytes());
		}
		Body body = BodyReader.readAtMost(response.body(), settings.maxImageBytes());
		if (!body.complete()) {
			throw tooLarge(settings.maxImageBytes());
		}
		return new Fetched(response.uri(), head.status(), type.mediaType(), null, body.bytes().length, null,
				body.bytes());
	}

	private static long sizeOf(ResponseHead head, Body body) throws IOException {
		if (body.complete()) {
			return body.bytes().length;
		}
		long declared = BodyDecoding.declaredLength(head);
		return declared >= 0 && !BodyDecoding.isCompressed(head) ? declared : FetchOutcome.UNKNOWN_SIZE;
	}

	private static FetchFailure tooLarge(long limit) {
		return new FetchFailure(FailureReason.TOO_LARGE, "body larger than " + limit + " bytes");
	}

	@FunctionalInterface
	private interface BodyHandler {
		FetchOutcome read(RawResponse response) throws IOException, FetchFailure;
	}

	/** Ends a fetch early with a known reason. */
	private static final class FetchFailure extends Exception {

		private static final long serialVersionUID = 1L;

		private final FailureReason reason;

		FetchFailure(FailureReason reason, String detail) {
			super(detail, null, false, false);
			this.reason = reason;
		}

		Failed outcome() {
			return new Failed(reason, String.valueOf(getMessage()));
		}
	}
}
