package org.veille.message;

import java.util.List;
import java.util.Locale;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stores which existing accounts a message mentions; a login nobody has is left as text.
 */
@Component
class MessageMentions {

	private final JdbcClient jdbc;

	MessageMentions(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Records the mentions of these logins that name an account; returns those accounts' ids. */
	@Transactional(propagation = Propagation.MANDATORY)
	List<Long> mention(long messageId, List<String> logins) {
		if (logins.isEmpty()) {
			return List.of();
		}
		return this.jdbc.sql("""
				insert into message_mentions (message_id, account_id)
				select :message, id from accounts where lower(login) = any(:logins)
				on conflict do nothing
				returning account_id
				""")
			.param("message", messageId)
			.param("logins", logins.stream().map((login) -> login.toLowerCase(Locale.ROOT)).toArray(String[]::new))
			.query(Long.class)
			.list();
	}

	@Transactional(propagation = Propagation.MANDATORY)
	void unmention(long messageId) {
		this.jdbc.sql("delete from message_mentions where message_id = :message").param("message", messageId).update();
	}

}
