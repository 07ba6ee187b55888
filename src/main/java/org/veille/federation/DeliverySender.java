package org.veille.federation;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

import org.veille.federation.SignatureSchemes.Scheme;

import org.veille.outbound.BlockedAddressException;
import org.veille.outbound.Deadline;
import org.veille.outbound.OutboundClient;
import org.veille.outbound.OutboundResponse;
import org.veille.outbound.RefusedRequestException;

/**
 * Sends one claimed delivery, signed, through the guarded client, with no transaction open. A 2xx is done; a 4xx
 * other than 408 and 429 will not change by trying again, nor will an address outside the policy; anything else
 * is retried later. Signed by RFC 9421 first, or by the scheme the host took last ({@link SignatureSchemes}); a
 * 400 or 401 to one scheme is followed at once by the other.
 */
@Component
class DeliverySender {

	private static final Logger logger = LoggerFactory.getLogger(DeliverySender.class);

	private final DeliveryQueue queue;

	private final ActorKeys keys;

	private final OutboundClient client;

	private final FederationProperties properties;

	private final SignatureSchemes schemes;

	private final Clock clock;

	DeliverySender(DeliveryQueue queue, ActorKeys keys, OutboundClient client, FederationProperties properties,
			SignatureSchemes schemes, Clock clock) {
		this.queue = queue;
		this.keys = keys;
		this.client = client;
		this.properties = properties;
		this.schemes = schemes;
		this.clock = clock;
	}

	/** Sends the next due delivery; false when none was due. */
	boolean sendOne() {
		Optional<Delivery> claimed = this.queue.claim();
		claimed.ifPresent(this::send);
		return claimed.isPresent();
	}

	private void send(Delivery delivery) {
		Optional<ActorKeys.Pair> pair = this.keys.stored(delivery);
		if (pair.isEmpty()) {
			this.queue.done(delivery, false);
			return;
		}
		URI inbox = URI.create(delivery.inbox());
		byte[] body = delivery.activity().getBytes(StandardCharsets.UTF_8);
		Optional<Scheme> known = this.schemes.known(delivery.host());
		Scheme scheme = known.orElse(Scheme.RFC_9421);
		try {
			OutboundResponse response = knock(inbox, body, delivery, pair.get(), scheme);
			if (response.status() == 400 || response.status() == 401) {
				response.close();
				scheme = scheme.other();
				response = knock(inbox, body, delivery, pair.get(), scheme);
			}
			try (OutboundResponse answered = response) {
				int status = answered.status();
				if (status != 400 && status != 401 && !known.equals(Optional.of(scheme))) {
					this.schemes.remember(delivery.host(), scheme);
				}
				if (status >= 200 && status < 300) {
					this.queue.done(delivery, true);
				}
				else if (status >= 400 && status < 500 && status != 408 && status != 429) {
					logger.info("{} refused a delivery for good ({})", delivery.inbox(), status);
					this.queue.done(delivery, true);
				}
				else {
					this.queue.retry(delivery, "answered " + status);
				}
			}
		}
		catch (BlockedAddressException | RefusedRequestException ex) {
			logger.info("Delivery to {} refused by the outbound policy: {}", delivery.inbox(), ex.getMessage());
			this.queue.done(delivery, false);
		}
		catch (IOException ex) {
			this.queue.retry(delivery, String.valueOf(ex.getMessage()));
		}
	}

	private OutboundResponse knock(URI inbox, byte[] body, Delivery delivery, ActorKeys.Pair pair, Scheme scheme)
			throws IOException {
		Map<String, String> headers = new LinkedHashMap<>((scheme == Scheme.RFC_9421)
				? MessageSignatures.signedPost(inbox, body, delivery.keyId(), pair.privateKey(), this.clock.instant())
				: HttpSignatures.signedPost(inbox, body, delivery.keyId(), pair.privateKey(), this.clock.instant()));
		headers.remove("Host");
		headers.putIfAbsent("Date", HttpSignatures.HTTP_DATE.format(this.clock.instant()));
		headers.put("Content-Type", "application/activity+json");
		headers.put("Accept", "application/activity+json");
		return this.client.post(inbox, headers, body, Deadline.after(this.properties.timeout()));
	}

}
