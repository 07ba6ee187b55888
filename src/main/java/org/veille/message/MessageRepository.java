package org.veille.message;

import org.springframework.data.repository.Repository;

interface MessageRepository extends Repository<Message, Long> {

	Message save(Message message);

}
