package org.veille.api;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RestController;

import org.veille.account.CurrentAccount;
import org.veille.api.ApiQueries.ApiMessage;
import org.veille.api.AtomEntryReader.PostedEntry;
import org.veille.message.MessageCommands;
import org.veille.message.MessageCommands.Written;
import org.veille.web.PublicUrls;

/**
 * The posting API, compatible with Seenthis's (see docs/api.md). Reading is open to everyone, like
 * the pages; writing needs HTTP Basic or a personal token.
 */
@RestController
class ApiController {

	static final MediaType ATOM = MediaType.parseMediaType("application/atom+xml;charset=UTF-8");

	/** A message is at most 20,000 characters: a megabyte of XML is plenty for any entry. */
	static final int MAX_BODY_BYTES = 1024 * 1024;

	private static final Pattern MD5 = Pattern.compile("[0-9a-fA-F]{32}");

	private final MessageCommands commands;

	private final ApiQueries queries;

	private final PublicUrls publicUrls;

	ApiController(MessageCommands commands, ApiQueries queries, PublicUrls publicUrls) {
		this.commands = commands;
		this.queries = queries;
		this.publicUrls = publicUrls;
	}

	/** Posts a thread or a reply; {@code message:N} as id edits instead, {@code uuid:…} makes it idempotent. */
	@PostMapping("/api/messages")
	ResponseEntity<String> post(HttpServletRequest request, @AuthenticationPrincipal CurrentAccount me) {
		PostedEntry entry = entry(request);
		if (entry.messageId() != null) {
			return edited(this.commands.edit(me.id(), entry.messageId(), entry.text()));
		}
		Long inReplyTo = inReplyTo(entry);
		Written written = this.commands.post(me.id(), entry.text(), inReplyTo, entry.uuid());
		ApiMessage message = this.queries.message(written.id())
			.orElseThrow(() -> new ApiException(409, "The message was deleted meanwhile."));
		return ResponseEntity.status(written.created() ? HttpStatus.CREATED : HttpStatus.OK)
			.header(HttpHeaders.LOCATION, base() + "/api/messages/" + written.id())
			.contentType(ATOM)
			.body(AtomEntryWriter.entry(base(), message));
	}

	/** Edits the message named by the entry's id ({@code message:N} or the {@code uuid:…} it was created with). */
	@PutMapping("/api/messages")
	ResponseEntity<String> put(HttpServletRequest request, @AuthenticationPrincipal CurrentAccount me) {
		PostedEntry entry = entry(request);
		long id;
		if (entry.messageId() != null) {
			id = entry.messageId();
		}
		else if (entry.uuid() != null) {
			id = this.commands.messageIdOf(entry.uuid())
				.orElseThrow(() -> new ApiException(404, "No message has the id uuid:" + entry.uuid() + "."));
		}
		else {
			throw ApiException.unprocessable("PUT needs the <id> of the message to change: message:N or uuid:….");
		}
		return edited(this.commands.edit(me.id(), id, entry.text()));
	}

	@GetMapping("/api/messages/{id}")
	ResponseEntity<String> message(@PathVariable String id) {
		ApiMessage message = this.queries.message(number(id)).orElseThrow(() -> noMessage(id));
		return ResponseEntity.ok().contentType(ATOM).body(AtomEntryWriter.entry(base(), message));
	}

	@DeleteMapping("/api/messages/{id}")
	ResponseEntity<Void> delete(@PathVariable String id, @AuthenticationPrincipal CurrentAccount me) {
		this.commands.delete(me.id(), number(id));
		return ResponseEntity.noContent().build();
	}

	@GetMapping({ "/api/people/{login}/messages", "/api/people/{login}/messages/{offset}" })
	ResponseEntity<String> messagesOf(@PathVariable String login, @PathVariable(required = false) @Nullable String offset) {
		int skip = (offset == null) ? 0 : offset(offset);
		long authorId = this.queries.personId(login)
			.orElseThrow(() -> new ApiException(404, "Nobody has the login " + shorten(login) + "."));
		List<ApiMessage> page = this.queries.messagesOf(authorId, skip);
		boolean more = page.size() > ApiQueries.PAGE_SIZE;
		List<ApiMessage> shown = more ? page.subList(0, ApiQueries.PAGE_SIZE) : page;
		String self = "/api/people/" + login + "/messages" + ((skip > 0) ? "/" + skip : "");
		String next = more ? "/api/people/" + login + "/messages/" + (skip + ApiQueries.PAGE_SIZE) : null;
		String feed = AtomEntryWriter.feed(base(), self, "/people/" + login, "Messages of " + login, shown, next);
		return ResponseEntity.ok().contentType(ATOM).body(feed);
	}

	/** The messages citing a URL, as {@code /api/url/{md5}} answers them in JSON. */
	record Citing(String md5, List<Long> messages) {
	}

	/** The ids of the messages citing the URL whose MD5 this is, as JSON (whatever the request accepts). */
	@GetMapping("/api/url/{md5}")
	ResponseEntity<Citing> url(@PathVariable String md5) {
		if (!MD5.matcher(md5).matches()) {
			throw new ApiException(404, "Name the URL by the MD5 of its spelling: 32 hexadecimal digits.");
		}
		String hash = md5.toLowerCase(Locale.ROOT);
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_JSON)
			.body(new Citing(hash, this.queries.messagesCiting(hash)));
	}

	private ResponseEntity<String> edited(Written written) {
		ApiMessage message = this.queries.message(written.id())
			.orElseThrow(() -> new ApiException(409, "The message was deleted meanwhile."));
		return ResponseEntity.ok().contentType(ATOM).body(AtomEntryWriter.entry(base(), message));
	}

	private @Nullable Long inReplyTo(PostedEntry entry) {
		if (entry.inReplyToUuid() != null) {
			return this.commands.messageIdOf(entry.inReplyToUuid())
				.orElseThrow(() -> new ApiException(404, "No message has the id uuid:" + entry.inReplyToUuid() + "."));
		}
		return entry.inReplyTo();
	}

	/** The Atom entry of the request, read within {@link #MAX_BODY_BYTES}. */
	private static PostedEntry entry(HttpServletRequest request) {
		String type = request.getContentType();
		MediaType mediaType;
		try {
			mediaType = (type != null) ? MediaType.parseMediaType(type) : null;
		}
		catch (IllegalArgumentException ex) {
			mediaType = null;
		}
		if (mediaType == null || !(mediaType.isCompatibleWith(MediaType.APPLICATION_ATOM_XML)
				|| mediaType.isCompatibleWith(MediaType.APPLICATION_XML)
				|| mediaType.isCompatibleWith(MediaType.TEXT_XML))) {
			throw new ApiException(415, "Send an Atom entry as application/atom+xml.");
		}
		if (request.getContentLengthLong() > MAX_BODY_BYTES) {
			throw tooLarge();
		}
		try (InputStream in = request.getInputStream()) {
			byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
			if (body.length > MAX_BODY_BYTES) {
				throw tooLarge();
			}
			if (body.length == 0) {
				throw ApiException.unprocessable("The body is empty: send an Atom <entry>.");
			}
			return AtomEntryReader.read(body);
		}
		catch (IOException ex) {
			throw new ApiException(400, "The body could not be read.");
		}
	}

	private static ApiException tooLarge() {
		return new ApiException(413, "An entry may hold at most " + (MAX_BODY_BYTES / 1024) + " KiB.");
	}

	private static long number(String id) {
		String digits = id.toLowerCase(Locale.ROOT).startsWith("message:") ? id.substring("message:".length()) : id;
		if (!digits.matches("\\d{1,18}")) {
			throw noMessage(id);
		}
		return Long.parseLong(digits);
	}

	private static int offset(String offset) {
		if (!offset.matches("\\d{1,9}") || Integer.parseInt(offset) > ApiQueries.MAX_OFFSET) {
			throw new ApiException(404,
					"The offset must be a number of messages to skip, at most " + ApiQueries.MAX_OFFSET + ".");
		}
		return Integer.parseInt(offset);
	}

	private static ApiException noMessage(String id) {
		return new ApiException(404, "No message " + shorten(id) + ".");
	}

	private static String shorten(String text) {
		return (text.length() > 60) ? text.substring(0, 60) + "…" : text;
	}

	private String base() {
		return this.publicUrls.base();
	}

}
