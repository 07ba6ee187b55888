package org.veille.message;

import java.util.Optional;

import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

interface MessageRepository extends Repository<Message, Long> {

	Message save(Message message);

	/** Saves and writes the change at once, so that the SQL that follows in the transaction sees it. */
	Message saveAndFlush(Message message);

	Optional<Message> findById(long id);

	/**
	 * The thread of a message that is not deleted (itself when it starts one), read without loading
	 * the message, so that it can be loaded fresh once its thread is locked.
	 */
	@Query("select coalesce(m.threadId, m.id) from Message m where m.id = :id and m.deletedAt is null")
	Optional<Long> findThreadOfLive(long id);

}
