package org.veille.admin;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import org.veille.database.Timestamps;

/** The people an administrator looks for, by the start of their login or e-mail address. */
@Repository
@Transactional(readOnly = true)
class AdminPeople {

	static final int LIMIT = 50;

	/** A person as the administration lists them, with their few latest messages (hidden ones too). */
	record Person(long id, String login, String email, @Nullable String signupAddress, Instant createdAt,
			@Nullable Instant suspendedAt, List<Recent> recent) {

		public boolean suspended() {
			return this.suspendedAt != null;
		}

	}

	/** One of a person's latest messages: its title and whether it is shown. */
	record Recent(long id, String title, Instant createdAt, boolean shown) {
	}

	private final JdbcClient jdbc;

	AdminPeople(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The newest accounts when nothing is asked; else those whose login, e-mail or sign-up address starts so. */
	List<Person> search(String query) {
		String prefix = query.strip().toLowerCase(Locale.ROOT).replace("\\", "\\\\")
			.replace("%", "\\%")
			.replace("_", "\\_") + "%";
		// lower(login) and lower(email) have unique indexes (V1), signup_address one of its own (V63).
		List<Person> found = this.jdbc.sql("""
				select id, login, email, signup_address, created_at, suspended_at from accounts
				where :prefix = '%' or lower(login) like :prefix or lower(email) like :prefix
				   or signup_address like :prefix
				order by id desc limit :limit
				""")
			.param("prefix", prefix)
			.param("limit", LIMIT)
			.query((rs, row) -> new Person(rs.getLong("id"), rs.getString("login"), rs.getString("email"),
					rs.getString("signup_address"), Timestamps.read(rs, "created_at"),
					Timestamps.readNullable(rs, "suspended_at"), List.of()))
			.list();
		return found.stream()
			.map((person) -> new Person(person.id(), person.login(), person.email(), person.signupAddress(),
					person.createdAt(), person.suspendedAt(), recent(person.id())))
			.toList();
	}

	private List<Recent> recent(long accountId) {
		// The latest live threads and replies, each walked on its own partial index (V1, V2), then the
		// messages hidden by a suspension (V60's index): never a scan of the person's whole history.
		return this.jdbc.sql("""
				(select id, title, created_at, true as shown from messages
				 where author_id = :author and thread_id is null and deleted_at is null
				 order by created_at desc, id desc limit 3)
				union all
				(select id, title, created_at, true from messages
				 where author_id = :author and thread_id is not null and deleted_at is null
				 order by created_at desc, id desc limit 3)
				union all
				(select id, title, created_at, false from messages
				 where author_id = :author and suspended_at is not null
				 order by created_at desc, id desc limit 3)
				order by created_at desc, id desc limit 3
				""")
			.param("author", accountId)
			.query((rs, row) -> new Recent(rs.getLong("id"), rs.getString("title"), Timestamps.read(rs, "created_at"),
					rs.getBoolean("shown")))
			.list();
	}

}
