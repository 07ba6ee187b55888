package org.veille.federation;

import java.util.List;
import java.util.function.Function;

import jakarta.servlet.http.HttpServletRequest;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import org.veille.web.Cursor;
import org.veille.web.NotFoundException;

/**
 * The JSON side of actors and notes. {@link ActivityNegotiation} forwards here the requests for a person's, a tag's
 * or a message's page that ask for ActivityPub; the collections have URLs of their own.
 */
@RestController
class ActorController {

	private static final List<String> KEY_ONLY_FIELDS = List.of("@context", "id", "type", "preferredUsername", "inbox",
			"endpoints", "publicKey");

	private final LocalActors actors;

	private final StoredNotes notes;

	private final Sites sites;

	private final Followers followers;

	private final ActorKeys keys;

	ActorController(LocalActors actors, StoredNotes notes, Sites sites, Followers followers, ActorKeys keys) {
		this.actors = actors;
		this.notes = notes;
		this.sites = sites;
		this.followers = followers;
		this.keys = keys;
	}

	@GetMapping(SiteActor.PATH)
	ResponseEntity<byte[]> site() {
		return json(this.sites.current().siteActor(this.keys.site().publicPem()));
	}

	@GetMapping("/federation/people/{login}")
	ResponseEntity<byte[]> person(@PathVariable String login, HttpServletRequest request) {
		return actor(actorOf(login), request);
	}

	@GetMapping("/federation/tag/{*path}")
	ResponseEntity<byte[]> tag(@PathVariable String path, HttpServletRequest request) {
		return actor(tagOf(path), request);
	}

	/** Under authorized fetch, an unsigned GET learns the actor's key and inboxes only, as in Mastodon's secure mode. */
	private ResponseEntity<byte[]> actor(LocalActor actor, HttpServletRequest request) {
		ObjectNode document = this.sites.current().actor(actor);
		if (request.getAttribute(AuthorizedFetch.KEY_ONLY) != null) {
			document.retain(KEY_ONLY_FIELDS);
		}
		return json(document);
	}

	@GetMapping("/federation/messages/{id}")
	ResponseEntity<byte[]> note(@PathVariable long id) {
		StoredNote note = this.notes.find(id).orElseThrow(() -> NotFoundException.message(id));
		ObjectNode document = ActivityStreams.document();
		document.setAll(this.sites.current().note(note));
		return json(document);
	}

	@GetMapping("/federation/people/{login}/outbox")
	ResponseEntity<byte[]> personOutbox(@PathVariable String login, @RequestParam(required = false) @Nullable String page,
			@RequestParam(required = false) @Nullable String before) {
		LocalActor actor = actorOf(login);
		return outbox(actor, page, before, this.notes.countByAuthor(actor.id()),
				(cursor) -> this.notes.byAuthor(actor.id(), cursor),
				(note) -> this.sites.current().authored("Create", note));
	}

	@GetMapping("/federation/tags/outbox/{*path}")
	ResponseEntity<byte[]> tagOutbox(@PathVariable String path, @RequestParam(required = false) @Nullable String page,
			@RequestParam(required = false) @Nullable String before) {
		LocalActor actor = tagOf(path);
		return outbox(actor, page, before, this.notes.countByTag(actor.id()),
				(cursor) -> this.notes.byTag(actor.id(), cursor), (note) -> this.sites.current().announced(actor, note));
	}

	@GetMapping("/federation/people/{login}/followers")
	ResponseEntity<byte[]> personFollowers(@PathVariable String login) {
		LocalActor actor = actorOf(login);
		return json(count(this.sites.current().collection(actor, "followers"), this.followers.count(actor)));
	}

	@GetMapping("/federation/tags/followers/{*path}")
	ResponseEntity<byte[]> tagFollowers(@PathVariable String path) {
		LocalActor actor = tagOf(path);
		return json(count(this.sites.current().collection(actor, "followers"), this.followers.count(actor)));
	}

	/** Veille people follow other servers' actors from nowhere yet: the collection is empty. */
	@GetMapping("/federation/people/{login}/following")
	ResponseEntity<byte[]> personFollowing(@PathVariable String login) {
		return json(count(this.sites.current().collection(actorOf(login), "following"), 0));
	}

	@GetMapping("/federation/tags/following/{*path}")
	ResponseEntity<byte[]> tagFollowing(@PathVariable String path) {
		return json(count(this.sites.current().collection(tagOf(path), "following"), 0));
	}

	private ResponseEntity<byte[]> outbox(LocalActor actor, @Nullable String page, @Nullable String before, int total,
			Function<@Nullable Cursor, List<StoredNote>> read, Function<StoredNote, ObjectNode> item) {
		String id = this.sites.current().collection(actor, "outbox");
		if (page == null && before == null) {
			ObjectNode collection = count(id, total);
			collection.put("first", id + "?page=true");
			return json(collection);
		}
		Cursor cursor = Cursor.parse(before);
		List<StoredNote> shown = read.apply(cursor);
		ObjectNode document = ActivityStreams.document();
		document.put("id", (cursor == null) ? id + "?page=true" : id + "?before=" + cursor.token());
		document.put("type", "OrderedCollectionPage");
		document.put("partOf", id);
		ArrayNode items = document.putArray("orderedItems");
		for (StoredNote note : shown) {
			ObjectNode activity = item.apply(note);
			activity.remove("@context");
			items.add(activity);
		}
		if (shown.size() == StoredNotes.PAGE_SIZE) {
			StoredNote last = shown.get(shown.size() - 1);
			document.put("next", id + "?before=" + new Cursor(last.published(), last.id()).token());
		}
		return json(document);
	}

	private static ObjectNode count(String id, int total) {
		ObjectNode collection = ActivityStreams.document();
		collection.put("id", id);
		collection.put("type", "OrderedCollection");
		collection.put("totalItems", total);
		return collection;
	}

	/** A login spelled otherwise than stored is still found; the actor's id is the stored spelling. */
	private LocalActor actorOf(String login) {
		return this.actors.person(login).orElseThrow(() -> NotFoundException.person(login));
	}

	private LocalActor tagOf(String path) {
		String key = path.startsWith("/") ? path.substring(1) : path;
		return this.actors.tag(key).orElseThrow(() -> NotFoundException.tag(key));
	}

	static ResponseEntity<byte[]> json(ObjectNode document) {
		return ResponseEntity.ok().contentType(ActivityStreams.ACTIVITY_JSON).body(ActivityStreams.bytes(document));
	}

}
