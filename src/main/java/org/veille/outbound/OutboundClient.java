package org.veille.outbound;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLContext;

import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.ManagedHttpClientConnectionFactory;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.ClientTlsStrategyBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ConnectionRequestTimeoutException;
import org.apache.hc.core5.http.config.Http1Config;
import org.apache.hc.core5.http.io.SocketConfig;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.net.URIAuthority;
import org.apache.hc.core5.pool.PoolConcurrencyPolicy;
import org.apache.hc.core5.pool.PoolReusePolicy;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;
import org.jspecify.annotations.Nullable;

import org.veille.outbound.RefusedRequestException.Reason;

/**
 * The one HTTP client for every request Veille sends to other servers (DESIGN §8), Apache HttpClient configured for
 * our rules: its DNS resolver gives only the addresses {@link AddressGuard} accepts, so a connection goes only to a
 * checked address; only allowed ports; redirects followed here, each hop checked like the first; one
 * {@link Deadline} per exchange, enforced by aborting the request when it passes, however slowly the other side
 * sends; header lines and counts bounded; bodies read decompressed through {@link OutboundResponse}, within the
 * caller's limit; connections kept alive, {@code max-connections-per-host} at most to one host. No cookies, no
 * automatic retries (a {@code Retry-After} would make the client wait), no proxy. Thread-safe.
 */
public final class OutboundClient implements AutoCloseable {

	private static final int MAX_HEADER_LINE = 8 * 1024;

	private static final int MAX_HEADERS = 200;

	/** Aborts the requests whose deadline passed: one thread for every client, each task a socket to close. */
	private static final ScheduledThreadPoolExecutor ABORTS = abortThread();

	private final OutboundProperties settings;

	private final AddressGuard guard;

	private final CloseableHttpClient http;

	/** The policy of the settings, the system's resolver and trust store. */
	public OutboundClient(OutboundProperties settings) {
		this(settings, AddressGuard.forSettings(settings));
	}

	/** With a guard of one's own: another resolver, or a policy that lets a test server through but no other. */
	public OutboundClient(OutboundProperties settings, AddressGuard guard) {
		this(settings, guard, defaultTls());
	}

	public OutboundClient(OutboundProperties settings, AddressGuard guard, SSLContext tls) {
		this.settings = settings;
		this.guard = guard;
		Timeout connectTimeout = Timeout.of(settings.connectTimeout());
		this.http = HttpClients.custom()
			.setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
				.setDnsResolver(new GuardedDnsResolver(guard))
				.setTlsSocketStrategy(ClientTlsStrategyBuilder.create().setSslContext(tls).buildClassic())
				.setConnectionFactory(ManagedHttpClientConnectionFactory.builder()
					.http1Config(Http1Config.custom().setMaxLineLength(MAX_HEADER_LINE).setMaxHeaderCount(MAX_HEADERS)
						.build())
					.build())
				.setDefaultSocketConfig(SocketConfig.custom().setSoTimeout(connectTimeout).build())
				.setDefaultConnectionConfig(ConnectionConfig.custom()
					.setConnectTimeout(connectTimeout)
					.setValidateAfterInactivity(TimeValue.ofSeconds(2))
					.setTimeToLive(TimeValue.ofMinutes(1))
					.build())
				.setMaxConnPerRoute(settings.maxConnectionsPerHost())
				.setMaxConnTotal(settings.maxConnections())
				.setPoolConcurrencyPolicy(PoolConcurrencyPolicy.STRICT)
				.setConnPoolPolicy(PoolReusePolicy.LIFO)
				.build())
			.setUserAgent(settings.userAgent())
			.disableRedirectHandling()
			.disableAutomaticRetries()
			.disableCookieManagement()
			.disableAuthCaching()
			.disableConnectionState()
			.evictIdleConnections(TimeValue.ofSeconds(30))
			.build();
	}

	/**
	 * GETs a URL, following at most {@code maxRedirects} redirects (each new address checked like the first).
	 *
	 * @return the first answer that is not a redirect with a {@code Location}, open until closed
	 * @throws BlockedAddressException when an address is outside the policy: nothing was sent to it
	 * @throws RefusedRequestException for a port outside the policy, a URL that is not http(s), too many redirects
	 * @throws SocketTimeoutException when the deadline passed
	 * @throws IOException when the connection or the other side failed
	 */
	public OutboundResponse get(URI uri, Map<String, String> headers, int maxRedirects, Deadline deadline)
			throws IOException {
		URI current = uri;
		URI moved = null;
		boolean permanent = true;
		for (int redirects = 0;; redirects++) {
			OutboundResponse response = send("GET", current, headers, null, deadline);
			String location = response.header("Location");
			if (!response.isRedirect() || location == null || location.isBlank()) {
				if (moved != null) {
					response.movedTo(moved);
				}
				return response;
			}
			permanent &= response.status() == 301 || response.status() == 308;
			response.close();
			if (redirects == maxRedirects) {
				throw new RefusedRequestException(Reason.TOO_MANY_REDIRECTS,
						"more than " + maxRedirects + " redirects from " + uri);
			}
			URI next = LenientUris.resolve(current, location);
			if (next == null) {
				throw new RefusedRequestException(Reason.BAD_URL, "bad redirect location: " + location);
			}
			current = next;
			if (permanent) {
				moved = next;
			}
		}
	}

	/** POSTs a body; a redirect is answered as is, never followed. Failures as for {@link #get}. */
	public OutboundResponse post(URI uri, Map<String, String> headers, byte[] body, Deadline deadline)
			throws IOException {
		return send("POST", uri, headers, body, deadline);
	}

	/**
	 * Checks what can be checked of a URL before any request and without a lookup, for an early answer to whoever
	 * gave it: an http(s) URL, on an allowed port, and when its host is an address, one the policy allows. A host
	 * name is checked when a request resolves it.
	 *
	 * @throws RefusedRequestException for a URL that is not http(s) or a port outside the policy
	 * @throws BlockedAddressException for an address outside the policy
	 */
	public void checkWithoutLookup(URI uri) throws IOException {
		this.guard.checkIfAddress(target(uri).host());
	}

	private OutboundResponse send(String method, URI uri, Map<String, String> headers, byte @Nullable [] body,
			Deadline deadline) throws IOException {
		HttpUriRequestBase request = request(method, uri);
		headers.forEach(request::setHeader);
		if (body != null) {
			request.setEntity(new ByteArrayEntity(body, null));
		}
		deadline.check();
		Duration left = deadline.remaining();
		Timeout timeout = Timeout.ofMilliseconds(Math.max(1, left.toMillis()));
		// Waiting for a pooled connection and for the answer are bounded too; the abort covers what trickles.
		request.setConfig(RequestConfig.custom()
			.setConnectionRequestTimeout(timeout)
			.setResponseTimeout(timeout)
			.setRedirectsEnabled(false)
			.setProtocolUpgradeEnabled(false)
			.build());
		ScheduledFuture<?> abort = ABORTS.schedule(request::cancel, left.toNanos(), TimeUnit.NANOSECONDS);
		try {
			ClassicHttpResponse response = this.http.executeOpen(null, request, null);
			return new OutboundResponse(uri, request, response, abort, deadline);
		}
		catch (IOException ex) {
			abort.cancel(false);
			throw deadline.explain(asTimeout(ex));
		}
		catch (CancellationException ex) {
			// Aborted while waiting for a pooled connection.
			abort.cancel(false);
			throw deadline.explain(new IOException("request aborted", ex));
		}
	}

	/**
	 * HttpClient's timeouts to connect and to wait for a pooled connection are no {@link SocketTimeoutException}:
	 * callers need not know its types.
	 */
	private static IOException asTimeout(IOException failure) {
		if (!(failure instanceof ConnectTimeoutException || failure instanceof ConnectionRequestTimeoutException)) {
			return failure;
		}
		SocketTimeoutException timeout = new SocketTimeoutException(failure.getMessage());
		timeout.initCause(failure);
		return timeout;
	}

	/** The request for a URL, after the checks that need no connection: an http(s) URL, on an allowed port. */
	private HttpUriRequestBase request(String method, URI uri) throws RefusedRequestException {
		HttpTarget target = target(uri);
		HttpUriRequestBase request = new HttpUriRequestBase(method, uri);
		// The target as read leniently (odd hosts Java's URI leaves without a host), the default port left implicit.
		request.setScheme(target.secure() ? "https" : "http");
		request.setAuthority(new URIAuthority(target.hostName(), target.hasDefaultPort() ? -1 : target.port()));
		request.setPath(target.requestTarget());
		return request;
	}

	private HttpTarget target(URI uri) throws RefusedRequestException {
		HttpTarget target;
		try {
			target = HttpTarget.of(uri);
		}
		catch (IllegalArgumentException ex) {
			throw new RefusedRequestException(Reason.BAD_URL, String.valueOf(ex.getMessage()));
		}
		if (!this.settings.allowsPort(target.port())) {
			throw new RefusedRequestException(Reason.BLOCKED_PORT, "port " + target.port() + " is not allowed");
		}
		return target;
	}

	@Override
	public void close() {
		this.http.close(CloseMode.IMMEDIATE);
	}

	private static ScheduledThreadPoolExecutor abortThread() {
		ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, (task) -> {
			Thread thread = new Thread(task, "veille-outbound-deadlines");
			thread.setDaemon(true);
			return thread;
		});
		// An exchange that ends in time withdraws its abort: the queue holds only exchanges in progress.
		executor.setRemoveOnCancelPolicy(true);
		return executor;
	}

	private static SSLContext defaultTls() {
		try {
			return SSLContext.getDefault();
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every JDK has a default TLS context", ex);
		}
	}

}
