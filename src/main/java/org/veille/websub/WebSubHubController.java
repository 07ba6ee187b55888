package org.veille.websub;

import java.net.URI;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import org.veille.feed.ThreadFeeds;
import org.veille.web.PublicUrls;

/**
 * {@code POST /websub/hub}: the hub's subscribe, unsubscribe and publish requests (W3C WebSub §5, §7).
 * A subscription is answered {@code 202} at once and takes effect once its callback has confirmed
 * the intent; the topic must be one of this site's public feeds.
 */
@RestController
class WebSubHubController {

	static final String PATH = ThreadFeeds.HUB_PATH;

	private final WebSubQueue queue;

	private final PublicUrls publicUrls;

	WebSubHubController(WebSubQueue queue, PublicUrls publicUrls) {
		this.queue = queue;
		this.publicUrls = publicUrls;
	}

	@PostMapping(path = PATH, consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
	ResponseEntity<String> hub(@RequestParam(name = "hub.mode", required = false) @Nullable String mode,
			@RequestParam(name = "hub.topic", required = false) @Nullable String topic,
			@RequestParam(name = "hub.url", required = false) @Nullable String url,
			@RequestParam(name = "hub.callback", required = false) @Nullable String callback,
			@RequestParam(name = "hub.lease_seconds", required = false) @Nullable String lease,
			@RequestParam(name = "hub.secret", required = false) @Nullable String secret) {
		String base = this.publicUrls.base();
		if ("publish".equals(mode)) {
			String published = (url != null) ? url : topic;
			if (published == null || !isOwnFeed(base, published)) {
				return refuse("hub.url must be one of this site's feeds.");
			}
			this.queue.publish(published);
			return ResponseEntity.noContent().build();
		}
		if (!"subscribe".equals(mode) && !"unsubscribe".equals(mode)) {
			return refuse("hub.mode must be subscribe, unsubscribe or publish.");
		}
		if (topic == null || !isOwnFeed(base, topic)) {
			return refuse("hub.topic must be one of this site's feeds, such as " + base + "/all/feed.");
		}
		if (callback == null || !isHttpUrl(callback) || callback.length() > 2_000) {
			return refuse("hub.callback must be an http or https URL.");
		}
		if (secret != null && (secret.isEmpty() || secret.getBytes(java.nio.charset.StandardCharsets.UTF_8).length >= 200)) {
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
		this.queue.requestVerification(mode, topic, callback, leaseSeconds, secret);
		return ResponseEntity.status(HttpStatus.ACCEPTED)
			.contentType(MediaType.TEXT_PLAIN)
			.body("Accepted: the callback will be asked to confirm.\n");
	}

	/** A public feed of this site: its address, with a path ending in /feed (a secret home feed is not one). */
	static boolean isOwnFeed(String base, String topic) {
		if (!topic.startsWith(base + "/") || topic.length() > 2_000) {
			return false;
		}
		try {
			String path = URI.create(topic).getPath();
			return path != null && path.endsWith("/feed") && !path.startsWith("/feeds/");
		}
		catch (IllegalArgumentException ex) {
			return false;
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

}
