package org.veille.admin;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import org.veille.account.CurrentAccount;
import org.veille.database.Timestamps;

/** Who did what, when, to whom: one row per moderation action, kept. */
@Repository
class ModerationLog {

	static final int PAGE_SIZE = 50;

	/** What an administrator did; the keys of the log's {@code action} column. */
	enum Action {

		SUSPEND("suspend"), UNSUSPEND("unsuspend"), HIDE_MESSAGE("hide-message"), DISMISS_REPORT("dismiss-report"),
		SIGNUP_MODE("signup-mode"), INVITATION("invitation"), DELETE_ACCOUNT("delete-account"), SITE_NAME("site-name"),
		BLOCK_SERVER("block-server"), UNBLOCK_SERVER("unblock-server"), SUSPEND_REMOTE("suspend-remote"),
		UNSUSPEND_REMOTE("unsuspend-remote");

		final String key;

		Action(String key) {
			this.key = key;
		}

	}

	/** One line of the log as /admin/log shows it. */
	record Entry(long id, Instant at, String adminLogin, String action, @Nullable String targetLogin,
			@Nullable Long messageId, @Nullable String note) {
	}

	private final JdbcClient jdbc;

	ModerationLog(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Transactional(propagation = Propagation.MANDATORY)
	void record(CurrentAccount admin, Action action, @Nullable Long targetId, @Nullable Long messageId,
			@Nullable String note, Instant at) {
		record(admin, action, targetId, messageId, null, note, at);
	}

	/** The same, for an action taken from the reports queue. */
	@Transactional(propagation = Propagation.MANDATORY)
	void record(CurrentAccount admin, Action action, @Nullable Long targetId, @Nullable Long messageId,
			@Nullable Long reportId, @Nullable String note, Instant at) {
		this.jdbc.sql("""
				insert into moderation_log (at, admin_id, admin_login, action, target_id, target_login, message_id,
				                            report_id, note)
				values (:at, :admin, :adminLogin, :action, :target,
				        (select login from accounts where id = :target), :message, :report, :note)
				""")
			.param("report", reportId)
			.param("at", Timestamps.of(at))
			.param("admin", admin.id())
			.param("adminLogin", admin.login())
			.param("action", action.key)
			.param("target", targetId)
			.param("message", messageId)
			.param("note", note)
			.update();
	}

	/** The newest entries, older than the entry {@code before} when given. */
	@Transactional(readOnly = true)
	List<Entry> newest(@Nullable Long before) {
		return this.jdbc.sql("""
				select id, at, admin_login, action, target_login, message_id, note from moderation_log
				where (cast(:before as bigint) is null or id < :before)
				order by id desc limit :limit
				""")
			.param("before", before)
			.param("limit", PAGE_SIZE)
			.query((rs, row) -> new Entry(rs.getLong("id"), Timestamps.read(rs, "at"), rs.getString("admin_login"),
					rs.getString("action"), rs.getString("target_login"), rs.getObject("message_id", Long.class),
					rs.getString("note")))
			.list();
	}

}
