package org.veille.message;

import java.util.Optional;

import org.springframework.data.repository.Repository;

interface MessageRepository extends Repository<Message, Long> {

	Message save(Message message);

	/** Saves and writes the change at once, so that the SQL that follows in the transaction sees it. */
	Message saveAndFlush(Message message);

	Optional<Message> findById(long id);

}
