package org.veille.link.fetch;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.Charset;
import java.util.List;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

import org.veille.charset.CharsetSniffer;
import org.veille.link.fetch.FetchOutcome.Failed;
import org.veille.link.fetch.FetchOutcome.Fetched;
import org.veille.outbound.BoundedBody;
import org.veille.outbound.Deadline;
import org.veille.outbound.OutboundClient;
import org.veille.outbound.OutboundResponse;

/**
 * Fetches a linked page, or a preview image, within the limits of {@link FetchSettings}, through the
 * {@link OutboundClient} (which checks every address and port, redirects included): one deadline for the whole
 * fetch. Never throws for anything the remote side does; thread-safe.
 *
 * <p>An HTML page is read up to the end of its head, or its first {@code maxBodyBytes} when the head does not end
 * sooner, and parsed from that: a 10 MiB page is previewed from its first bytes, never read whole. Other content
 * keeps its type and size and is not read when its {@code Content-Length} says its size; when it does not, it is
 * counted up to {@code maxBodyBytes} and beyond that is {@link FailureReason#TOO_LARGE}.
 */
public final class PageFetcher {

	private static final String PAGE_ACCEPT = "text/html,application/xhtml+xml;q=0.9,*/*;q=0.8";
	private static final String IMAGE_ACCEPT = "image/avif,image/webp,image/png,image/jpeg,image/*;q=0.8";
	private static final List<String> END_OF_HEAD = List.of("</head", "<body");
	private static final byte[] NO_BODY = new byte[0];

	private final FetchSettings settings;
	private final OutboundClient client;
	private final MetadataExtractor extractor = new MetadataExtractor();

	public PageFetcher(FetchSettings settings, OutboundClient client) {
		this.settings = settings;
		this.client = client;
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
		Map<String, String> headers = Map.of("User-Agent", settings.userAgent(), "Accept", accept,
				"Accept-Encoding", "gzip, deflate");
		try (OutboundResponse response = client.get(uri, headers, settings.maxRedirects(), deadline)) {
			if (response.isRedirect()) {
				return new Failed(FailureReason.HTTP_STATUS, response.statusText() + " without a Location header");
			}
			if (!response.isSuccess()) {
				return new Failed(FailureReason.HTTP_STATUS, response.statusText());
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

	private FetchOutcome readPage(OutboundResponse response) throws IOException, FetchFailure {
		ContentType type = ContentType.parse(response.header("Content-Type"));
		if (type != null && !type.isHtml()) {
			return readOther(response, type);
		}
		BoundedBody body = response.readUntil(settings.maxBodyBytes(), END_OF_HEAD);
		byte[] bytes = body.bytes();
		if (type == null && !HtmlSniffer.looksLikeHtml(bytes)) {
			return new Fetched(response.uri(), response.status(), null, null, sizeOf(response, body), null, NO_BODY);
		}
		Charset charset = CharsetSniffer.ofHtml(bytes, bytes.length, type == null ? null : type.charset(),
				!body.complete());
		CharsetSniffer.Bom bom = CharsetSniffer.Bom.of(bytes, bytes.length);
		int start = (bom != null) ? bom.length() : 0;
		Document document = Jsoup.parse(new String(bytes, start, bytes.length - start, charset),
				response.uri().toString());
		PageMetadata metadata = extractor.extract(document, response.uri(), response.header("Content-Language"));
		return new Fetched(response.uri(), response.status(), type == null ? null : type.mediaType(), charset,
				sizeOf(response, body), metadata, NO_BODY);
	}

	private FetchOutcome readOther(OutboundResponse response, ContentType type) throws IOException, FetchFailure {
		long size = response.declaredLength();
		if (size < 0) {
			size = response.count(settings.maxBodyBytes());
			if (size < 0) {
				throw tooLarge(settings.maxBodyBytes());
			}
		}
		return new Fetched(response.uri(), response.status(), type.mediaType(), null, size, null, NO_BODY);
	}

	private FetchOutcome readImage(OutboundResponse response) throws IOException, FetchFailure {
		ContentType type = ContentType.parse(response.header("Content-Type"));
		if (type == null || !type.isImage()) {
			throw new FetchFailure(FailureReason.UNSUPPORTED_CONTENT_TYPE,
					"not an image: " + (type == null ? "no Content-Type" : type.mediaType()));
		}
		if (response.declaredLength() > settings.maxImageBytes()) {
			throw tooLarge(settings.maxImageBytes());
		}
		BoundedBody body = response.read(settings.maxImageBytes());
		if (!body.complete()) {
			throw tooLarge(settings.maxImageBytes());
		}
		return new Fetched(response.uri(), response.status(), type.mediaType(), null, body.size(), null,
				body.bytes());
	}

	/** Counted when read whole, else the declared length of an uncompressed body, else unknown. */
	private static long sizeOf(OutboundResponse response, BoundedBody body) {
		if (body.complete()) {
			return body.size();
		}
		long declared = response.declaredLength();
		return declared >= 0 ? declared : FetchOutcome.UNKNOWN_SIZE;
	}

	private static FetchFailure tooLarge(long limit) {
		return new FetchFailure(FailureReason.TOO_LARGE, "body larger than " + limit + " bytes");
	}

	@FunctionalInterface
	private interface BodyHandler {
		FetchOutcome read(OutboundResponse response) throws IOException, FetchFailure;
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
