package org.veille.websub;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import org.veille.outbound.BoundedBody;
import org.veille.outbound.Deadline;
import org.veille.outbound.OutboundClient;
import org.veille.outbound.OutboundResponse;
import org.veille.websub.WebSubQueue.Job;
import org.veille.websub.WebSubQueue.Subscription;

/**
 * Does one job of the hub: asks a callback to confirm a (un)subscription with a random challenge
 * (W3C WebSub §5.3), or delivers a topic that changed: the feed is read from this site with the last
 * ETag delivered, and only a new one is sent, signed with {@code X-Hub-Signature: sha256=…} (HMAC of
 * the body with the subscriber's secret) when there is a secret. Every request goes through the
 * {@link OutboundClient}, so callbacks and topics are held to the policy of fetched links; a job has
 * one deadline for all its requests, and a subscriber's answer is read up to {@value #MAX_ANSWER} bytes.
 */
@Component
class WebSubDelivery {

	/** Longest a verification, or a delivery (the topic read and the push), may take. */
	static final Duration TIMEOUT = Duration.ofSeconds(10);

	/** The most of a subscriber's answer read: enough for any challenge echoed. */
	static final int MAX_ANSWER = 1024;

	/** A larger feed is not pushed (ours hold 40 entries). */
	private static final int MAX_FEED = 8 * 1024 * 1024;

	private static final Logger logger = LoggerFactory.getLogger(WebSubDelivery.class);

	private static final SecureRandom RANDOM = new SecureRandom();

	private final WebSubQueue queue;

	private final SubscriptionRequests requests;

	private final OutboundClient outbound;

	private final SiteBase site;

	private final Duration timeout;

	@Autowired
	WebSubDelivery(WebSubQueue queue, SubscriptionRequests requests, OutboundClient outbound, SiteBase site) {
		this(queue, requests, outbound, site, TIMEOUT);
	}

	WebSubDelivery(WebSubQueue queue, SubscriptionRequests requests, OutboundClient outbound, SiteBase site,
			Duration timeout) {
		this.queue = queue;
		this.requests = requests;
		this.outbound = outbound;
		this.site = site;
		this.timeout = timeout;
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
		catch (IOException | RuntimeException ex) {
			logger.info("WebSub {} job {} failed: {}", job.kind(), job.id(), ex.toString());
			done = false;
		}
		if (!done && "deliver".equals(job.kind())) {
			this.queue.retry(job);
		}
		else {
			this.queue.done(job);
		}
		return true;
	}

	/** A verification is not retried: a callback that does not confirm did not mean it. */
	boolean verify(Job job) throws IOException {
		String callback = job.callback();
		if (callback == null) {
			return true;
		}
		byte[] random = new byte[24];
		RANDOM.nextBytes(random);
		String challenge = HexFormat.of().formatHex(random);
		String query = "hub.mode=" + encode(String.valueOf(job.mode())) + "&hub.topic=" + encode(String.valueOf(job.topic()))
				+ "&hub.challenge=" + challenge
				+ ("subscribe".equals(job.mode()) ? "&hub.lease_seconds=" + job.leaseSeconds() : "");
		URI uri = URI.create(callback + (callback.contains("?") ? "&" : "?") + query);
		try (OutboundResponse response = this.outbound.get(uri, Map.of(), 0, Deadline.after(this.timeout))) {
			BoundedBody answer = response.read(MAX_ANSWER);
			if (response.isSuccess() && answer.complete()
					&& new String(answer.bytes(), StandardCharsets.UTF_8).strip().equals(challenge)) {
				this.requests.confirmed(job);
			}
		}
		return true;
	}

	boolean deliver(Job job) throws IOException {
		if (job.subscriptionId() == null) {
			return true;
		}
		Optional<Subscription> found = this.queue.subscription(job.subscriptionId());
		String base = this.site.base();
		// A topic stored before topics were checked against this site's own address is never read.
		if (found.isEmpty() || !this.site.isOwnFeed(found.get().topic())) {
			return true;
		}
		Subscription subscription = found.get();
		Deadline deadline = Deadline.after(this.timeout);
		Map<String, String> conditional = (subscription.lastEtag() != null)
				? Map.of("If-None-Match", subscription.lastEtag()) : Map.of();
		byte[] feed;
		String etag;
		Map<String, String> push = new HashMap<>();
		try (OutboundResponse read = this.outbound.get(URI.create(subscription.topic()), conditional, 0, deadline)) {
			if (read.status() == 304) {
				return true;
			}
			if (read.status() != 200) {
				return false;
			}
			BoundedBody body = read.read(MAX_FEED);
			if (!body.complete()) {
				logger.info("WebSub topic {} is larger than {} bytes: not pushed", subscription.topic(), MAX_FEED);
				return true;
			}
			feed = body.bytes();
			etag = read.header("ETag");
			String type = read.header("Content-Type");
			push.put("Content-Type", (type != null) ? type : "application/atom+xml");
		}
		push.put("Link", "<" + base + WebSubHubController.PATH + ">; rel=\"hub\", <" + subscription.topic()
				+ ">; rel=\"self\"");
		if (subscription.secret() != null) {
			push.put("X-Hub-Signature", "sha256=" + hmac(subscription.secret(), feed));
		}
		try (OutboundResponse pushed = this.outbound.post(URI.create(subscription.callback()), push, feed, deadline)) {
			if (!pushed.isSuccess()) {
				return false;
			}
		}
		this.queue.delivered(subscription.id(), etag);
		return true;
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
