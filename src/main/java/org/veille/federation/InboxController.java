package org.veille.federation;

import java.io.IOException;
import java.io.InputStream;

import jakarta.servlet.http.HttpServletRequest;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import org.veille.web.NotFoundException;

/**
 * Every inbox: the shared one and each actor's. A POST is read up to {@value #MAX_BODY_BYTES} bytes (413 beyond),
 * verified ({@link InboxVerifier}: 401 with the reason), then handed to {@link Inbox}. The answer is 202: what an
 * activity causes is done, or queued, before it.
 */
@RestController
class InboxController {

	static final int MAX_BODY_BYTES = 1024 * 1024;

	private final InboxVerifier verifier;

	private final Inbox inbox;

	private final LocalActors actors;

	private final DomainBlocks blocks;

	InboxController(InboxVerifier verifier, Inbox inbox, LocalActors actors, DomainBlocks blocks) {
		this.verifier = verifier;
		this.inbox = inbox;
		this.actors = actors;
		this.blocks = blocks;
	}

	@PostMapping("/federation/inbox")
	ResponseEntity<byte[]> shared(HttpServletRequest request) throws IOException {
		return receive(request);
	}

	@PostMapping("/federation/people/{login}/inbox")
	ResponseEntity<byte[]> person(@PathVariable String login, HttpServletRequest request) throws IOException {
		this.actors.person(login).orElseThrow(() -> NotFoundException.person(login));
		return receive(request);
	}

	@PostMapping("/federation/tags/inbox/{*path}")
	ResponseEntity<byte[]> tag(@PathVariable String path, HttpServletRequest request) throws IOException {
		String key = path.startsWith("/") ? path.substring(1) : path;
		this.actors.tag(key).orElseThrow(() -> NotFoundException.tag(key));
		return receive(request);
	}

	private ResponseEntity<byte[]> receive(HttpServletRequest request) throws IOException {
		if (request.getContentLengthLong() > MAX_BODY_BYTES) {
			return tooLarge();
		}
		byte[] body = readBounded(request.getInputStream());
		if (body == null) {
			return tooLarge();
		}
		if (this.blocks.isBlockedKey(InboxVerifier.keyIdOf(request))) {
			return DiscoveryController.problem(HttpStatus.FORBIDDEN, "This site takes no activity from your server.");
		}
		RemoteActor sender;
		try {
			sender = this.verifier.verify(request, body);
		}
		catch (InboxVerifier.Unverified ex) {
			return DiscoveryController.problem(HttpStatus.UNAUTHORIZED, ex.getMessage());
		}
		JsonNode activity;
		try {
			activity = ActivityStreams.JSON.readTree(body);
		}
		catch (JacksonException ex) {
			return DiscoveryController.problem(HttpStatus.BAD_REQUEST, "The body is not JSON.");
		}
		if (!activity.isObject()) {
			return DiscoveryController.problem(HttpStatus.BAD_REQUEST, "The body is not an activity (a JSON object).");
		}
		Inbox.Outcome outcome = this.inbox.receive(sender, activity);
		return (outcome.status() == HttpStatus.ACCEPTED) ? ResponseEntity.accepted().build()
				: DiscoveryController.problem(outcome.status(), outcome.reason());
	}

	private static ResponseEntity<byte[]> tooLarge() {
		return DiscoveryController.problem(HttpStatus.CONTENT_TOO_LARGE,
				"An activity may hold " + MAX_BODY_BYTES + " bytes at most.");
	}

	/** The whole body, or null when it is longer than the limit (what follows is never read). */
	private static byte @Nullable [] readBounded(InputStream in) throws IOException {
		byte[] read = in.readNBytes(MAX_BODY_BYTES + 1);
		return (read.length > MAX_BODY_BYTES) ? null : read;
	}

}
