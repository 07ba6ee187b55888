package org.veille.follow;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import org.veille.account.PersonChip;

/**
 * Reads follows and blocks, for the pages that show them and the rules that depend on them.
 */
@Repository
@Transactional(readOnly = true)
public class Relations {

	private final JdbcClient jdbc;

	Relations(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** How the reader stands with this person, in one query. */
	public Relation between(long readerId, long personId) {
		if (readerId == personId) {
			return new Relation(true, false, false, false);
		}
		return this.jdbc.sql("""
				select exists (select 1 from person_follows where follower_id = :reader and followee_id = :person),
				       exists (select 1 from person_follows where follower_id = :person and followee_id = :reader),
				       exists (select 1 from blocks where blocker_id = :reader and blocked_id = :person)
				""")
			.param("reader", readerId)
			.param("person", personId)
			.query((rs, rowNum) -> new Relation(false, rs.getBoolean(1), rs.getBoolean(2), rs.getBoolean(3)))
			.single();
	}

	/** Whether {@code blockerId} blocks {@code blockedId}. */
	public boolean blocks(long blockerId, long blockedId) {
		return this.jdbc.sql("select exists (select 1 from blocks where blocker_id = :blocker and blocked_id = :blocked)")
			.param("blocker", blockerId)
			.param("blocked", blockedId)
			.query(Boolean.class)
			.single();
	}

	/** Whether the person of this login blocks the reader. */
	public boolean blockedBy(long readerId, String login) {
		return this.jdbc.sql("""
				select exists (select 1 from blocks b join accounts a on a.id = b.blocker_id
				               where lower(a.login) = lower(:login) and b.blocked_id = :reader)
				""").param("login", login).param("reader", readerId).query(Boolean.class).single();
	}

	public boolean followsTag(long readerId, long tagId) {
		return this.jdbc.sql("select exists (select 1 from tag_follows where account_id = :reader and tag_id = :tag)")
			.param("reader", readerId)
			.param("tag", tagId)
			.query(Boolean.class)
			.single();
	}

	PeopleView people(long readerId) {
		List<PersonChip> following = people("""
				select a.login, a.display_name from person_follows f join accounts a on a.id = f.followee_id
				where f.follower_id = :reader order by f.created_at desc limit :limit
				""", readerId);
		List<PersonChip> followers = people("""
				select a.login, a.display_name from person_follows f join accounts a on a.id = f.follower_id
				where f.followee_id = :reader order by f.created_at desc limit :limit
				""", readerId);
		List<PeopleView.FollowedTag> tags = this.jdbc.sql("""
				select t.key, t.display from tag_follows f join tags t on t.id = f.tag_id
				where f.account_id = :reader order by t.key limit :limit
				""")
			.param("reader", readerId)
			.param("limit", PeopleView.LIMIT)
			.query((rs, rowNum) -> new PeopleView.FollowedTag(rs.getString(1), rs.getString(2)))
			.list();
		List<String> sites = this.jdbc
			.sql("select site from site_follows where account_id = :reader order by site limit :limit")
			.param("reader", readerId)
			.param("limit", PeopleView.LIMIT)
			.query(String.class)
			.list();
		List<PersonChip> blocked = people("""
				select a.login, a.display_name from blocks b join accounts a on a.id = b.blocked_id
				where b.blocker_id = :reader order by b.created_at desc limit :limit
				""", readerId);
		return new PeopleView(following, followers, tags, sites, blocked);
	}

	private List<PersonChip> people(String sql, long readerId) {
		return this.jdbc.sql(sql)
			.param("reader", readerId)
			.param("limit", PeopleView.LIMIT)
			.query((rs, rowNum) -> new PersonChip(rs.getString(1), rs.getString(2)))
			.list();
	}

}
