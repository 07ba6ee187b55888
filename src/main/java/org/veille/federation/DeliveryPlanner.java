package org.veille.federation;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import tools.jackson.databind.node.ObjectNode;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.interceptor.TransactionAspectSupport;

/**
 * Turns one queued event into deliveries, in one transaction: the author's {@code Create}, {@code Update} or
 * {@code Delete} to their followers' inboxes (a shared inbox once), for a new thread each followed tag's
 * {@code Announce} to the tag's followers, and for an edited or deleted thread the author's {@code Update} or
 * {@code Delete} to them as well. The people elsewhere a message mentions get its activities too, once found
 * ({@link RemoteMentions}, asked before planning).
 */
@Component
class DeliveryPlanner {

	/** @param tagIds for a deleted thread, the tags it carried when it was deleted */
	record Event(long id, String kind, long messageId, long authorId, String base, List<Long> tagIds) {
	}

	private final JdbcClient jdbc;

	private final LocalActors actors;

	private final StoredNotes notes;

	private final Followers followers;

	private final DeliveryQueue queue;

	private final Sites sites;

	private final ActorKeys keys;

	private final RemoteMentions mentions;

	DeliveryPlanner(JdbcClient jdbc, LocalActors actors, StoredNotes notes, Followers followers, DeliveryQueue queue,
			Sites sites, ActorKeys keys, RemoteMentions mentions) {
		this.mentions = mentions;
		this.jdbc = jdbc;
		this.actors = actors;
		this.notes = notes;
		this.followers = followers;
		this.queue = queue;
		this.sites = sites;
		this.keys = keys;
	}

	/** Plans the oldest event no other worker holds; false when there was none. */
	@Transactional
	boolean planOne() {
		Optional<Event> claimed = this.jdbc.sql("""
				delete from federation_events where id = (
				    select id from federation_events order by id limit 1 for update skip locked)
				returning id, kind, message_id, author_id, base, tag_ids
				""")
			.query((rs, row) -> new Event(rs.getLong("id"), rs.getString("kind"), rs.getLong("message_id"),
					rs.getLong("author_id"), rs.getString("base"), List.of((Long[]) rs.getArray("tag_ids").getArray())))
			.optional();
		claimed.ifPresent(this::plan);
		return claimed.isPresent();
	}

	private void plan(Event event) {
		Optional<LocalActor> author = this.actors.personById(event.authorId());
		if (author.isEmpty()) {
			return;
		}
		Documents documents = this.sites.at(event.base());
		LocalActor person = author.get();
		List<String> inboxes = this.followers.inboxes("account_id", person.id());
		if (event.kind().equals("delete")) {
			// A thread's tags' followers had it through the tag's Announce: the author's Delete reaches them too.
			Set<String> all = new LinkedHashSet<>(inboxes);
			event.tagIds().forEach((tagId) -> all.addAll(this.followers.inboxes("tag_id", tagId)));
			this.jdbc.sql("select body from messages where id = :id").param("id", event.messageId()).query(String.class)
				.optional()
				.ifPresent((body) -> this.mentions.found(RemoteMentions.in(body)).values()
					.forEach((mentioned) -> all.add(mentioned.inbox())));
			send(List.copyOf(all), person, documents, documents.deleted(person, event.messageId()));
			return;
		}
		Optional<StoredNote> note = this.notes.find(event.messageId());
		if (note.isEmpty()) {
			return;
		}
		if (!this.mentions.allAsked(RemoteMentions.in(note.get().body()), event.base())) {
			// Planned before the people it mentions were asked about (another worker's event came meanwhile): the
			// event is given back, planned again once they were.
			TransactionAspectSupport.currentTransactionStatus().setRollbackOnly();
			return;
		}
		if (event.kind().equals("update") && !note.get().isReply()) {
			inboxes = withTagFollowers(inboxes, note.get());
		}
		inboxes = withMentioned(inboxes, note.get().remoteMentions());
		send(inboxes, person, documents, documents.authored(event.kind().equals("create") ? "Create" : "Update", note.get()));
		if (event.kind().equals("create") && !note.get().isReply()) {
			for (StoredNote.Tag tag : note.get().tags()) {
				Optional<LocalActor> tagActor = this.actors.tag(tag.key());
				if (tagActor.isPresent()) {
					send(this.followers.inboxes("tag_id", tagActor.get().id()), tagActor.get(), documents,
							documents.announced(tagActor.get(), note.get()));
				}
			}
		}
	}

	/**
	 * The inboxes of the followers of the thread's tags as well, each once: they had the thread through the tag's
	 * {@code Announce}, and take the author's {@code Update} of it (signed by the author, its actor).
	 */
	private List<String> withTagFollowers(List<String> inboxes, StoredNote thread) {
		Set<String> all = new LinkedHashSet<>(inboxes);
		for (StoredNote.Tag tag : thread.tags()) {
			this.actors.tag(tag.key()).ifPresent((tagActor) -> all.addAll(this.followers.inboxes("tag_id", tagActor.id())));
		}
		return List.copyOf(all);
	}

	/** The inboxes of the people elsewhere the note mentions, each once, whether or not they follow anyone here. */
	private static List<String> withMentioned(List<String> inboxes, List<RemoteMentions.Mentioned> mentioned) {
		Set<String> all = new LinkedHashSet<>(inboxes);
		mentioned.forEach((each) -> all.add(each.inbox()));
		return List.copyOf(all);
	}

	private void send(List<String> inboxes, LocalActor signer, Documents documents, ObjectNode activity) {
		if (!inboxes.isEmpty()) {
			// Made here if no one ever fetched the actor: the sender signs with what is stored.
			this.keys.of(signer);
			this.queue.queue(inboxes, signer, documents.keyId(signer), ActivityStreams.JSON.writeValueAsString(activity));
		}
	}

}
