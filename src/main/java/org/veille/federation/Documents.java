package org.veille.federation;

import java.net.URI;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.UUID;

import org.jsoup.Jsoup;
import org.jsoup.safety.Safelist;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import org.veille.markup.HtmlRenderer;
import org.veille.markup.RenderOptions;
import org.veille.markup.TagKeys;

/**
 * The JSON-LD of actors, notes and the activities around them, with absolute URLs on this site's public address.
 */
final class Documents {

	/** What a note's HTML may hold once rendered: Mastodon keeps little more (links, paragraphs, emphasis, code). */
	private static final Safelist NOTE_HTML = Safelist.basic().addAttributes("a", "class", "rel");

	private final String base;

	private final ActorKeys keys;

	/** With the site's address as the request or the queued event saw it (see {@link Sites}). */
	Documents(String base, ActorKeys keys) {
		this.base = base;
		this.keys = keys;
	}

	String base() {
		return this.base;
	}

	private String absolute(String path) {
		return this.base + path;
	}

	/** host[:port] of this site: the part after {@code @} in its handles. */
	String authority() {
		return URI.create(base()).getRawAuthority();
	}

	String actorId(LocalActor actor) {
		return absolute(actor.pagePath());
	}

	String keyId(LocalActor actor) {
		return actorId(actor) + "#main-key";
	}

	String collection(LocalActor actor, String name) {
		return absolute(actor.collectionPath(name));
	}

	String noteId(long messageId) {
		return absolute(StoredNote.idPath(messageId));
	}

	String sharedInbox() {
		return absolute("/federation/inbox");
	}

	ObjectNode actor(LocalActor actor) {
		ObjectNode document = ActivityStreams.document();
		String id = actorId(actor);
		document.put("id", id);
		document.put("type", actor.isPerson() ? "Person" : "Group");
		document.put("preferredUsername", actor.preferredUsername());
		document.put("name", actor.isPerson() ? actor.display() : "#" + actor.display());
		if (actor.summary() != null) {
			document.put("summary", Jsoup.clean(actor.summary(), Safelist.none()));
		}
		document.put("url", id);
		document.put("inbox", collection(actor, "inbox"));
		document.put("outbox", collection(actor, "outbox"));
		document.put("followers", collection(actor, "followers"));
		document.put("following", collection(actor, "following"));
		// No account elsewhere is declared as this one's former or other self.
		document.putArray("alsoKnownAs");
		document.put("manuallyApprovesFollowers", false);
		document.put("discoverable", true);
		document.putObject("endpoints").put("sharedInbox", sharedInbox());
		ObjectNode icon = document.putObject("icon");
		icon.put("type", "Image");
		icon.put("mediaType", "image/svg+xml");
		icon.put("url", absolute("/favicon.svg"));
		ObjectNode key = document.putObject("publicKey");
		key.put("id", keyId(actor));
		key.put("owner", id);
		key.put("publicKeyPem", this.keys.of(actor).publicPem());
		return document;
	}

	/**
	 * The site actor: enough for another server to check the signatures of Veille's GETs (a key, an inbox) and to
	 * see what it is.
	 */
	ObjectNode siteActor(String publicKeyPem) {
		ObjectNode document = ActivityStreams.document();
		String id = absolute(SiteActor.PATH);
		document.put("id", id);
		document.put("type", "Application");
		document.put("preferredUsername", authority());
		document.put("name", "Veille");
		document.put("url", absolute("/"));
		document.put("inbox", sharedInbox());
		document.put("manuallyApprovesFollowers", true);
		document.putObject("endpoints").put("sharedInbox", sharedInbox());
		ObjectNode key = document.putObject("publicKey");
		key.put("id", id + "#main-key");
		key.put("owner", id);
		key.put("publicKeyPem", publicKeyPem);
		return document;
	}

	/** A message as a public note: rendered HTML made absolute and cleaned, its tags, mentions and links. */
	ObjectNode note(StoredNote note) {
		ObjectNode document = ActivityStreams.object();
		fillNote(document, note);
		return document;
	}

	private void fillNote(ObjectNode document, StoredNote note) {
		String author = absolute("/people/" + note.authorLogin());
		document.put("id", noteId(note.id()));
		document.put("type", "Note");
		document.put("attributedTo", author);
		document.put("url", absolute(note.pagePath()));
		String inReplyTo = note.inReplyToPath();
		if (inReplyTo != null) {
			document.put("inReplyTo", absolute(inReplyTo));
		}
		document.put("published", time(note.published()));
		if (note.updated().isAfter(note.published().plusSeconds(1))) {
			document.put("updated", time(note.updated()));
		}
		document.set("to", ActivityStreams.strings(List.of(ActivityStreams.PUBLIC)));
		List<String> cc = new ArrayList<>();
		cc.add(absolute("/federation/people/" + note.authorLogin() + "/followers"));
		note.remoteMentions().forEach((mentioned) -> cc.add(mentioned.actorUri()));
		document.set("cc", ActivityStreams.strings(cc));
		document.put("sensitive", false);
		document.put("content", html(note));
		ArrayNode tags = document.putArray("tag");
		for (StoredNote.Tag tag : note.tags()) {
			ObjectNode hashtag = tags.addObject();
			hashtag.put("type", "Hashtag");
			hashtag.put("href", absolute("/tag/" + TagKeys.pathOf(tag.key())));
			hashtag.put("name", "#" + tag.display());
		}
		for (String login : note.mentions()) {
			ObjectNode mention = tags.addObject();
			mention.put("type", "Mention");
			mention.put("href", absolute("/people/" + login));
			mention.put("name", "@" + login + "@" + authority());
		}
		for (RemoteMentions.Mentioned mentioned : note.remoteMentions()) {
			ObjectNode mention = tags.addObject();
			mention.put("type", "Mention");
			mention.put("href", mentioned.actorUri());
			mention.put("name", "@" + mentioned.handle());
		}
		if (!note.links().isEmpty()) {
			ArrayNode attachments = document.putArray("attachment");
			ObjectNode link = attachments.addObject();
			link.put("type", "Link");
			link.put("href", note.links().get(0));
		}
	}

	private String html(StoredNote note) {
		Map<String, String> profiles = new HashMap<>();
		note.remoteMentions().forEach((mentioned) -> profiles.put(mentioned.handle(), mentioned.page()));
		String rendered = HtmlRenderer.render(note.body(),
				new RenderOptions(note.authorLanguage(), (login) -> note.mentions().stream().anyMatch(login::equalsIgnoreCase))
					.withRemoteProfiles(profiles::get));
		return Jsoup.clean(rendered, base() + "/", NOTE_HTML);
	}

	/** The activity announcing a note: {@code Create} or {@code Update}, by its author, addressed as the note is. */
	ObjectNode authored(String type, StoredNote note) {
		ObjectNode activity = ActivityStreams.document();
		ObjectNode object = note(note);
		activity.put("id", noteId(note.id()) + "#" + type.toLowerCase(Locale.ROOT) + "-"
				+ note.updated().toEpochMilli());
		activity.put("type", type);
		activity.put("actor", object.get("attributedTo").asString());
		activity.put("published", time(note.published()));
		activity.set("to", object.get("to"));
		activity.set("cc", object.get("cc"));
		activity.set("object", object);
		return activity;
	}

	/** A note is gone: its author says so with a tombstone. */
	ObjectNode deleted(LocalActor author, long messageId) {
		ObjectNode activity = ActivityStreams.document();
		activity.put("id", noteId(messageId) + "#delete");
		activity.put("type", "Delete");
		activity.put("actor", actorId(author));
		activity.set("to", ActivityStreams.strings(List.of(ActivityStreams.PUBLIC)));
		ObjectNode tombstone = activity.putObject("object");
		tombstone.put("id", noteId(messageId));
		tombstone.put("type", "Tombstone");
		return activity;
	}

	/** A follow taken: the actor answers with an {@code Accept} of it. */
	ObjectNode accepted(LocalActor actor, JsonNode follow) {
		ObjectNode activity = ActivityStreams.document();
		activity.put("id", actorId(actor) + "#accept-" + UUID.randomUUID());
		activity.put("type", "Accept");
		activity.put("actor", actorId(actor));
		activity.set("object", follow);
		return activity;
	}

	/** A tag shares one of its threads with its followers. */
	ObjectNode announced(LocalActor tag, StoredNote note) {
		ObjectNode activity = ActivityStreams.document();
		activity.put("id", collection(tag, "outbox") + "#announce-" + note.id());
		activity.put("type", "Announce");
		activity.put("actor", actorId(tag));
		activity.put("published", time(note.published()));
		activity.set("to", ActivityStreams.strings(List.of(ActivityStreams.PUBLIC)));
		activity.set("cc", ActivityStreams.strings(List.of(collection(tag, "followers"))));
		activity.put("object", noteId(note.id()));
		return activity;
	}

	static String time(Instant instant) {
		return instant.truncatedTo(ChronoUnit.SECONDS).toString();
	}

}
