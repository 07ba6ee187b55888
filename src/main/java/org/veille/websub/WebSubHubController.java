package org.veille.websub;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import org.veille.feed.ThreadFeeds;
import org.veille.outbound.OutboundClient;

/**
 * {@code POST /websub/hub}: the hub's subscribe, unsubscribe and publish requests (W3C WebSub §5, §7).
 * A subscription is answered {@code 202} at once and takes effect once its callback has confirmed
 * the intent; the topic must be one of this site's public feeds, at the address {@link SiteBase} gives
 * (never one a request's {@code Host} names), and the callback one the outbound policy lets the hub reach.
 */
@RestController
class WebSubHubController {

	static final String PATH = ThreadFeeds.HUB_PATH;

	private final SubscriptionRequests requests;

	private final WebSubQueue queue;

	private final SiteBase site;

	private final OutboundClient outbound;

	private final WebSubProperties limits;

	WebSubHubController(SubscriptionRequests requests, WebSubQueue queue, SiteBase site, OutboundClient outbound,
			WebSubProperties limits) {
		this.requests = requests;
		this.queue = queue;
		this.site = site;
		this.outbound = outbound;
		this.limits = limits;
	}

	@PostMapping(path = PATH, consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
	ResponseEntity<String> hub(@RequestParam(name = "hub.mode", required = false) @Nullable String mode,
			@RequestParam(name = "hub.topic", required = false) @Nullable String topic,
			@RequestParam(name = "hub.url", required = false) @Nullable String url,
			@RequestParam(name = "hub.callback", required = false) @Nullable String callback,
			@RequestParam(name = "hub.lease_seconds", required = false) @Nullable String lease,
			@RequestParam(name = "hub.secret", required = false) @Nullable String secret) {
		String base = this.site.base();
		if ("publish".equals(mode)) {
			String published = (url != null) ? url : topic;
			if (published == null || !this.site.isOwnFeed(published)) {
				return refuse("hub.url must be one of this site's feeds, such as " + base + "/all/feed.");
			}
			this.queue.publish(published);
			return ResponseEntity.noContent().build();
		}
		if (!"subscribe".equals(mode) && !"unsubscribe".equals(mode)) {
			return refuse("hub.mode must be subscribe, unsubscribe or publish.");
		}
		if (topic == null || !this.site.isOwnFeed(topic)) {
			return refuse("hub.topic must be one of this site's feeds, such as " + base + "/all/feed.");
		}
		if (callback == null || !isHttpUrl(callback) || callback.length() > 2_000) {
			return refuse("hub.callback must be an http or https URL.");
		}
		String unreachable = unreachable(callback);
		if (unreachable != null) {
			return refuse("hub.callback is out of this hub's reach: " + unreachable + ".");
		}
		if (secret != null && (secret.isEmpty() || secret.getBytes(StandardCharsets.UTF_8).length >= 200)) {
			return refuse("hub.secret must be under 200 bytes.");
		}
		int leaseSeconds = WebSubQueue.DEFAULT_LEASE_SECONDS;
		if (lease != null) {
			try {
				leaseSeconds = Math.max(60, Math.min(WebSubQueue.MAX_LEASE_SECONDS, Integer.parseInt(lease)));
			}
			catch (NumberFormatException ex) {
				return refuse("hub.lease_seconds must be a number of seconds.");
			}
		}
		return switch (this.requests.request(mode, topic, callback, leaseSeconds, secret)) {
			case ACCEPTED -> ResponseEntity.status(HttpStatus.ACCEPTED)
				.contentType(MediaType.TEXT_PLAIN)
				.body("Accepted: the callback will be asked to confirm.\n");
			case TOO_MANY_FOR_CALLBACK_HOST -> tooMany("The callback's host already has "
					+ this.limits.maxSubscriptionsPerCallbackHost() + " subscriptions, the most this hub keeps.");
			case TOO_MANY_FOR_TOPIC -> tooMany("This feed already has " + this.limits.maxSubscriptionsPerTopic()
					+ " subscriptions, the most this hub keeps.");
		};
	}

	/** Why the policy would refuse the callback, when that shows without a lookup (a port, an address); else null. */
	private @Nullable String unreachable(String callback) {
		try {
			this.outbound.checkWithoutLookup(URI.create(callback));
			return null;
		}
		catch (IOException ex) {
			return String.valueOf(ex.getMessage());
		}
	}

	private static boolean isHttpUrl(String url) {
		try {
			URI uri = URI.create(url);
			return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null;
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

	private static ResponseEntity<String> refuse(String reason) {
		return ResponseEntity.badRequest().contentType(MediaType.TEXT_PLAIN).body(reason + "\n");
	}

	private static ResponseEntity<String> tooMany(String reason) {
		return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS).contentType(MediaType.TEXT_PLAIN).body(reason + "\n");
	}

}
