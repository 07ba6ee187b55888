package org.veille.thread;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import org.veille.database.Timestamps;
import org.veille.web.Cursor;

/**
 * A person's alerts, newest first: replies in threads they took part in and messages mentioning
 * them (pushed to {@code alerts} on write), and the replies of the people they follow (read from
 * each followee's replies, one index walk each). Nothing from people they block.
 */
@Repository
@Transactional(readOnly = true)
public class AlertQueries {

	private static final String ALERTS = """
			with blocked as (select blocked_id from blocks where blocker_id = :me),
			entries as (
			    (select a.message_id, a.created_at, a.reason from alerts a
			     where a.account_id = :me and a.author_id not in (select blocked_id from blocked) %1$s
			     order by a.created_at desc, a.message_id desc limit :limit)
			    union all
			    select r.id, r.created_at, 'followee' from person_follows f
			    cross join lateral (
			        select m.id, m.created_at from messages m
			        where m.author_id = f.followee_id and m.thread_id is not null and m.deleted_at is null
			          and m.author_id not in (select blocked_id from blocked)
			          and exists (select 1 from messages t where t.id = m.thread_id and t.deleted_at is null) %2$s
			        order by m.created_at desc, m.id desc limit :limit) r
			    where f.follower_id = :me),
			page as (
			    select message_id, max(created_at) as created_at,
			           (array_agg(reason order by case reason when 'mention' then 0 when 'reply' then 1 else 2 end))[1]
			               as reason
			    from entries group by message_id
			    order by created_at desc, message_id desc limit :limit)
			select m.id, coalesce(m.thread_id, m.id) as parent_id, m.uuid, m.title, m.body, m.created_at,
			       m.updated_at, m.reply_count, m.star_count, a.login, a.display_name, a.created_at as author_since, page.created_at as sort_time,
			       null::text as starred_by, page.reason, t.title as thread_title
			from page
			join messages m on m.id = page.message_id and m.deleted_at is null
			join messages t on t.id = coalesce(m.thread_id, m.id) and t.deleted_at is null
			join accounts a on a.id = m.author_id
			order by page.created_at desc, page.message_id desc
			""";

	private final JdbcClient jdbc;

	private final ThreadDecorator decorator;

	AlertQueries(JdbcClient jdbc, ThreadDecorator decorator) {
		this.jdbc = jdbc;
		this.decorator = decorator;
	}

	public AlertPage alerts(long readerId, @Nullable Cursor before, int size) {
		String alertKeyset = (before != null) ? "and (a.created_at, a.message_id) < (:beforeTime, :beforeId)" : "";
		String replyKeyset = (before != null) ? "and (m.created_at, m.id) < (:beforeTime, :beforeId)" : "";
		JdbcClient.StatementSpec statement = this.jdbc.sql(ALERTS.formatted(alertKeyset, replyKeyset))
			.param("me", readerId)
			.param("limit", size + 1);
		if (before != null) {
			statement = statement.param("beforeTime", Timestamps.of(before.time())).param("beforeId", before.id());
		}
		List<AlertRow> rows = new ArrayList<>(statement.query((rs, rowNum) -> new AlertRow(ThreadQueries.row(rs, rowNum),
				AlertView.Reason.of(rs.getString("reason")), rs.getString("thread_title")))
			.list());
		Cursor next = null;
		if (rows.size() > size) {
			rows.remove(size);
			ThreadQueries.ThreadRow last = rows.get(size - 1).message();
			next = new Cursor(last.sortTime(), last.id());
		}
		List<ThreadSummary> messages = this.decorator.decorate(rows.stream().map(AlertRow::message).toList());
		List<AlertView> alerts = new ArrayList<>(rows.size());
		for (int i = 0; i < rows.size(); i++) {
			alerts.add(new AlertView(messages.get(i), rows.get(i).reason(), rows.get(i).threadTitle()));
		}
		return new AlertPage(alerts, next);
	}

	private record AlertRow(ThreadQueries.ThreadRow message, AlertView.Reason reason, String threadTitle) {
	}

}
