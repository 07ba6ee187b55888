package org.veille.message;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

	/**
	 * The same for many messages in one statement (an import's batch), {@code logins} in the order of
	 * {@code messageIds}; returns the accounts each message mentions, by message.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	Map<Long, List<Long>> mentionAll(List<Long> messageIds, List<List<String>> logins) {
		List<Long> messages = new ArrayList<>();
		List<String> names = new ArrayList<>();
		for (int i = 0; i < messageIds.size(); i++) {
			for (String login : logins.get(i)) {
				messages.add(messageIds.get(i));
				names.add(login.toLowerCase(Locale.ROOT));
			}
		}
		Map<Long, List<Long>> mentioned = new HashMap<>();
		if (messages.isEmpty()) {
			return mentioned;
		}
		this.jdbc.sql("""
				insert into message_mentions (message_id, account_id)
				select n.message_id, a.id
				from unnest(cast(:messages as bigint[]), cast(:logins as text[])) as n(message_id, login)
				join accounts a on lower(a.login) = n.login
				on conflict do nothing
				returning message_id, account_id
				""")
			.param("messages", messages.toArray(Long[]::new))
			.param("logins", names.toArray(String[]::new))
			.query((rs) -> {
				mentioned.computeIfAbsent(rs.getLong("message_id"), (id) -> new ArrayList<>()).add(rs.getLong("account_id"));
			});
		return mentioned;
	}

	@Transactional(propagation = Propagation.MANDATORY)
	void unmention(long messageId) {
		this.jdbc.sql("delete from message_mentions where message_id = :message").param("message", messageId).update();
	}

}
