package org.veille.federation;

import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import org.veille.federation.LocalActor.Kind;
import org.veille.markup.TagKeys;

/**
 * Finds the people and tags that are actors: a person not suspended, a tag that exists.
 */
@Component
class LocalActors {

	private final JdbcClient jdbc;

	LocalActors(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A person by login, in any case (accounts_login_key). */
	Optional<LocalActor> person(String login) {
		return this.jdbc.sql("""
				select id, login, coalesce(display_name, login) as display, bio from accounts
				where lower(login) = lower(:login) and suspended_at is null
				""")
			.param("login", login)
			.query((rs, row) -> new LocalActor(Kind.PERSON, rs.getLong("id"), rs.getString("login"),
					rs.getString("display"), rs.getString("bio")))
			.optional();
	}

	/** A person by account id, suspended or not (what they wrote before is still theirs to delete). */
	Optional<LocalActor> personById(long id) {
		return this.jdbc.sql("select id, login, coalesce(display_name, login) as display, bio from accounts where id = :id")
			.param("id", id)
			.query((rs, row) -> new LocalActor(Kind.PERSON, rs.getLong("id"), rs.getString("login"),
					rs.getString("display"), rs.getString("bio")))
			.optional();
	}

	Optional<LocalActor> tagById(long id) {
		return this.jdbc.sql("select id, key, display from tags where id = :id")
			.param("id", id)
			.query((rs, row) -> new LocalActor(Kind.TAG, rs.getLong("id"), rs.getString("key"), rs.getString("display"),
					null))
			.optional();
	}

	/** A tag by any spelling that folds to its key (tags_key_key). */
	Optional<LocalActor> tag(String spelling) {
		return this.jdbc.sql("select id, key, display from tags where key = :key")
			.param("key", TagKeys.fold(spelling))
			.query((rs, row) -> new LocalActor(Kind.TAG, rs.getLong("id"), rs.getString("key"), rs.getString("display"),
					null))
			.optional();
	}

	/** The actor a WebFinger user part names: {@code login} or {@code tag_<key>}. */
	Optional<LocalActor> byUsername(String username) {
		if (username.startsWith(LocalActor.TAG_PREFIX)) {
			String key = username.substring(LocalActor.TAG_PREFIX.length());
			return key.isEmpty() ? Optional.empty() : tag(key);
		}
		return person(username);
	}

}
