package org.veille.link;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stores the URLs a message cites, inside the transaction that stores the message. A URL is stored
 * once however many messages cite it.
 */
@Component
public class MessageLinks {

	private static final Pattern HOST = Pattern.compile("^https?://(?:[^@/?#]*@)?([^/?#:]+)",
			Pattern.CASE_INSENSITIVE);

	private final JdbcClient jdbc;

	MessageLinks(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Transactional(propagation = Propagation.MANDATORY)
	public void attach(long messageId, List<String> urls) {
		int position = 0;
		for (String url : urls) {
			long linkId = this.jdbc.sql("""
					insert into links (url, host) values (:url, :host)
					on conflict (url) do update set url = excluded.url
					returning id
					""").param("url", url).param("host", hostOf(url)).query(Long.class).single();
			this.jdbc.sql("""
					insert into message_links (message_id, link_id, position) values (:message, :link, :position)
					on conflict do nothing
					""").param("message", messageId).param("link", linkId).param("position", position++).update();
		}
	}

	/** Forgets the URLs of a message whose text changed or went away (the links stay for other messages). */
	@Transactional(propagation = Propagation.MANDATORY)
	public void detach(long messageId) {
		this.jdbc.sql("delete from message_links where message_id = :message").param("message", messageId).update();
	}

	static String hostOf(String url) {
		Matcher matcher = HOST.matcher(url);
		return matcher.find() ? matcher.group(1).toLowerCase(Locale.ROOT) : "";
	}

}
