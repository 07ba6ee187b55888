package org.veille.websub;

import java.net.InetAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import org.veille.websub.WebSubQueue.Job;
import org.veille.websub.WebSubQueue.Subscription;

/**
 * Does one job of the hub: asks a callback to confirm a (un)subscription with a random challenge
 * (W3C WebSub §5.3), or delivers a topic that changed: the feed is read from this site with the last
 * ETag delivered, and only a new one is sent, signed with {@code X-Hub-Signature: sha256=…} (HMAC of
 * the body with the subscriber's secret) when there is a secret.
 */
@Component
class WebSubDelivery {

	static final Duration TIMEOUT = Duration.ofSeconds(10);

	/** The most a subscriber's answer to a challenge may hold. */
	private static final int MAX_CHALLENGE_ANSWER = 1_000;

	private static final Logger logger = LoggerFactory.getLogger(WebSubDelivery.class);

	private static final SecureRandom RANDOM = new SecureRandom();

	private final WebSubQueue queue;

	private final boolean allowPrivateCallbacks;

	private final HttpClient http = HttpClient.newBuilder()
		.connectTimeout(TIMEOUT)
		.followRedirects(HttpClient.Redirect.NEVER)
		.build();

	WebSubDelivery(WebSubQueue queue, @Value("${veille.outbound.allow-private-addresses:false}") boolean allowPrivateCallbacks) {
		this.queue = queue;
		this.allowPrivateCallbacks = allowPrivateCallbacks;
	}

	/** @return whether there was a job */
	boolean runOnce() {
		Optional<Job> claimed = this.queue.claim();
		if (claimed.isEmpty()) {
			return false;
		}
		Job job = claimed.get();
		boolean done;
		try {
			done = "verify".equals(job.kind()) ? verify(job) : deliver(job);
		}
		catch (java.io.IOException | RuntimeException ex) {
			logger.info("WebSub {} job {} failed: {}", job.kind(), job.id(), ex.toString());
			done = false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			done = false;
		}
		if (!done && "deliver".equals(job.kind())) {
			this.queue.retry(job);
		}
		return true;
	}

	/** A verification is not retried: a callback that does not confirm did not mean it. */
	private boolean verify(Job job) throws java.io.IOException, InterruptedException {
		String callback = job.callback();
		if (callback == null || !allowed(callback)) {
			return true;
		}
		byte[] random = new byte[24];
		RANDOM.nextBytes(random);
		String challenge = HexFormat.of().formatHex(random);
		String query = "hub.mode=" + encode(String.valueOf(job.mode())) + "&hub.topic=" + encode(String.valueOf(job.topic()))
				+ "&hub.challenge=" + challenge
				+ ("subscribe".equals(job.mode()) ? "&hub.lease_seconds=" + job.leaseSeconds() : "");
		URI uri = URI.create(callback + (callback.contains("?") ? "&" : "?") + query);
		HttpResponse<String> response = this.http.send(HttpRequest.newBuilder(uri).timeout(TIMEOUT).GET().build(),
				HttpResponse.BodyHandlers.ofString());
		String body = response.body();
		if (response.statusCode() / 100 == 2 && body != null && body.length() < MAX_CHALLENGE_ANSWER
				&& body.strip().equals(challenge)) {
			this.queue.confirmed(job);
		}
		return true;
	}

	private boolean deliver(Job job) throws java.io.IOException, InterruptedException {
		if (job.subscriptionId() == null) {
			return true;
		}
		Optional<Subscription> found = this.queue.subscription(job.subscriptionId());
		if (found.isEmpty() || !allowed(found.get().callback())) {
			return true;
		}
		Subscription subscription = found.get();
		if (!allowed(subscription.topic())) {
			return true;
		}
		HttpRequest.Builder read = HttpRequest.newBuilder(URI.create(subscription.topic())).timeout(TIMEOUT).GET();
		if (subscription.lastEtag() != null) {
			read.header("If-None-Match", subscription.lastEtag());
		}
		HttpResponse<byte[]> feed = this.http.send(read.build(), HttpResponse.BodyHandlers.ofByteArray());
		if (feed.statusCode() == 304) {
			return true;
		}
		if (feed.statusCode() != 200) {
			return false;
		}
		String hub = subscription.topic().substring(0, subscription.topic().indexOf('/', "https://".length()))
				+ WebSubHubController.PATH;
		HttpRequest.Builder push = HttpRequest.newBuilder(URI.create(subscription.callback()))
			.timeout(TIMEOUT)
			.header("Content-Type", feed.headers().firstValue("Content-Type").orElse("application/atom+xml"))
			.header("Link", "<" + hub + ">; rel=\"hub\", <" + subscription.topic() + ">; rel=\"self\"")
			.POST(HttpRequest.BodyPublishers.ofByteArray(feed.body()));
		if (subscription.secret() != null) {
			push.header("X-Hub-Signature", "sha256=" + hmac(subscription.secret(), feed.body()));
		}
		HttpResponse<Void> pushed = this.http.send(push.build(), HttpResponse.BodyHandlers.discarding());
		if (pushed.statusCode() / 100 != 2) {
			return false;
		}
		this.queue.delivered(subscription.id(), feed.headers().firstValue("ETag").orElse(null));
		return true;
	}

	/**
	 * An address on a private or local network is refused unless allowed (tests, a site on a private
	 * network): neither a callback nor a topic (whose host comes from the request) may make the hub a
	 * way into the local network.
	 */
	private boolean allowed(String callback) {
		if (this.allowPrivateCallbacks) {
			return true;
		}
		try {
			for (InetAddress address : InetAddress.getAllByName(URI.create(callback).getHost())) {
				if (address.isLoopbackAddress() || address.isSiteLocalAddress() || address.isLinkLocalAddress()
						|| address.isAnyLocalAddress() || address.isMulticastAddress()) {
					return false;
				}
			}
			return true;
		}
		catch (UnknownHostException | IllegalArgumentException ex) {
			return false;
		}
	}

	static String hmac(String secret, byte[] body) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			return HexFormat.of().formatHex(mac.doFinal(body));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Every JDK has HmacSHA256", ex);
		}
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
