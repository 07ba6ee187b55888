package org.veille.federation;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import org.veille.report.RemoteReports;

/**
 * A {@code Flag} (a report made on another server, as Mastodon forwards it) becomes reports in the moderation
 * queue, the sending server's host standing for the reporter: one for each Veille message it names, and one for
 * each Veille person it names none of whose messages it names. Its {@code content} (the reporter's comment, as
 * plain text) is the note. Objects that are not Veille's live messages or people are passed over; a Flag naming
 * more than {@value #MAX_OBJECTS} objects is refused.
 */
@Component
class RemoteFlags {

	/**
	 * Mastodon names the account and the statuses picked, rarely more than a few dozen: a Flag naming more is
	 * refused whole (400, saying so) rather than cut, so that no part of a report is silently dropped.
	 */
	static final int MAX_OBJECTS = 200;

	private static final Pattern MESSAGE = Pattern.compile("/messages/(\\d{1,18})");

	private final Sites sites;

	private final LocalActors actors;

	private final StoredNotes notes;

	private final RemoteReports reports;

	RemoteFlags(Sites sites, LocalActors actors, StoredNotes notes, RemoteReports reports) {
		this.sites = sites;
		this.actors = actors;
		this.notes = notes;
		this.reports = reports;
	}

	/** In the inbox's transaction. */
	Inbox.Outcome receive(RemoteActor sender, JsonNode flag) {
		List<String> objects = objects(flag.get("object"));
		if (objects.size() > MAX_OBJECTS) {
			return new Inbox.Outcome(HttpStatus.BAD_REQUEST, "This Flag names " + objects.size()
					+ " objects; a report here names at most " + MAX_OBJECTS + ": send the rest in another Flag.");
		}
		String base = this.sites.current().base();
		List<Long> messages = new ArrayList<>();
		Set<String> people = new LinkedHashSet<>();
		for (String object : objects) {
			String path = object.startsWith(base) ? object.substring(base.length()) : "";
			Matcher message = MESSAGE.matcher((path.indexOf('#') < 0) ? path : path.substring(0, path.indexOf('#')));
			if (message.matches()) {
				messages.add(Long.valueOf(message.group(1)));
			}
			else if (object.startsWith(base + "/people/")) {
				this.actors.person(object.substring((base + "/people/").length()))
					.ifPresent((person) -> people.add(person.name()));
			}
		}
		String note = comment(flag);
		for (long message : messages) {
			Optional<StoredNote> stored = this.notes.find(message);
			if (stored.isPresent()) {
				people.remove(stored.get().authorLogin());
				this.reports.message(sender.host(), message, note);
			}
		}
		for (String login : people) {
			this.reports.person(sender.host(), login, note);
		}
		return Inbox.Outcome.ACCEPTED;
	}

	private static List<String> objects(@Nullable JsonNode object) {
		List<String> ids = new ArrayList<>();
		if (object != null && object.isArray()) {
			for (JsonNode each : object) {
				String id = Inbox.idOf(each);
				if (id != null) {
					ids.add(id);
				}
			}
		}
		else {
			String id = Inbox.idOf(object);
			if (id != null) {
				ids.add(id);
			}
		}
		return ids;
	}

	/** The reporter's comment as plain text (markup, if any, dropped). */
	private static String comment(JsonNode flag) {
		String content = Inbox.text(flag, "content");
		if (content == null) {
			return "";
		}
		String cut = (content.length() > 4 * RemoteReports.MAX_NOTE) ? content.substring(0, 4 * RemoteReports.MAX_NOTE)
				: content;
		return Jsoup.parse(cut).text().strip();
	}

}
