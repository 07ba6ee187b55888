package org.veille.link;

import java.time.Instant;
import java.util.List;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.stereotype.Component;

import org.veille.database.Timestamps;
import org.veille.markup.MarkupParser;

/**
 * Re-derives the links of every message stored before V3 from its text (the source of truth), so that old links
 * get their key, their site paths and a fetch job like new ones; then makes the key mandatory. Spring hands this
 * bean to Flyway, which runs it after V3 (its version, 3.1, comes from the class name).
 */
@Component
class V3_1__Rederive_message_links extends BaseJavaMigration {

	private static final int BATCH = 500;

	@Override
	public void migrate(Context context) {
		JdbcClient jdbc = JdbcClient.create(new SingleConnectionDataSource(context.getConnection(), true));
		LinkIndex index = new LinkIndex(jdbc);
		jdbc.sql("delete from message_links").update();
		long after = 0;
		while (true) {
			List<StoredMessage> messages = jdbc.sql("""
					select m.id, coalesce(m.thread_id, m.id) as thread_id,
					       coalesce(t.created_at, m.created_at) as published_at, m.body
					from messages m left join messages t on t.id = m.thread_id
					where m.id > :after order by m.id limit :batch
					""")
				.param("after", after)
				.param("batch", BATCH)
				.query((rs, rowNum) -> new StoredMessage(rs.getLong("id"), rs.getLong("thread_id"),
						Timestamps.read(rs, "published_at"), rs.getString("body")))
				.list();
			if (messages.isEmpty()) {
				break;
			}
			for (StoredMessage message : messages) {
				index.attach(message.id(), message.threadId(), message.publishedAt(),
						MarkupParser.parse(message.body()).urls());
			}
			after = messages.get(messages.size() - 1).id();
		}
		jdbc.sql("delete from links where normalized is null").update();
		jdbc.sql("alter table links alter column normalized set not null, alter column normalized_hash set not null")
			.update();
	}

	private record StoredMessage(long id, long threadId, Instant publishedAt, String body) {
	}

}
