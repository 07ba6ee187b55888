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

import org.veille.outbound.BlockedAddressException;
import org.veille.outbound.Deadline;
import org.veille.outbound.OutboundClient;
import org.veille.outbound.OutboundResponse;
import org.veille.outbound.RefusedRequestException;

/**
 * Sends one claimed delivery, signed, through the guarded client, with no transaction open. A 2xx is done; a 4xx
 * other than 408 and 429 will not change by trying again, nor will an address outside the policy; anything else
 * is retried later.
 */
@Component
class DeliverySender {

	private static final Logger logger = LoggerFactory.getLogger(DeliverySender.class);

	private final DeliveryQueue queue;

	private final ActorKeys keys;

	private final OutboundClient client;

	private final FederationProperties properties;

	private final Clock clock;

	DeliverySender(DeliveryQueue queue, ActorKeys keys, OutboundClient client, FederationProperties properties,
			Clock clock) {
		this.queue = queue;
		this.keys = keys;
		this.client = client;
		this.properties = properties;
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
		Map<String, String> headers = new LinkedHashMap<>(HttpSignatures.signedPost(inbox, body, delivery.keyId(),
				pair.get().privateKey(), this.clock.instant()));
		headers.remove("Host");
		headers.put("Content-Type", "application/activity+json");
		headers.put("Accept", "application/activity+json");
		try (OutboundResponse response = this.client.post(inbox, headers, body, Deadline.after(this.properties.timeout()))) {
			int status = response.status();
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
		catch (BlockedAddressException | RefusedRequestException ex) {
			logger.info("Delivery to {} refused by the outbound policy: {}", delivery.inbox(), ex.getMessage());
			this.queue.done(delivery, false);
		}
		catch (IOException ex) {
			this.queue.retry(delivery, String.valueOf(ex.getMessage()));
		}
	}

}
