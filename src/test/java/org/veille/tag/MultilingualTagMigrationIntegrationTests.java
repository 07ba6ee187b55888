package org.veille.tag;

import java.sql.Connection;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.init.ScriptUtils;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import org.veille.support.IntegrationTest;
import org.veille.support.Posting;
import org.veille.support.TestPeople;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Migration V11_1 moves what was filed under the key that joined every language of a multilingual tag
 * ({@code [en]map[fr]carte}) to the tag of each label, as editing each message would. The state before is
 * made by hand from a message posted today, then the migration's script runs (twice: it must be harmless
 * again).
 */
@IntegrationTest
class MultilingualTagMigrationIntegrationTests {

	private static final String SCRIPT = "db/migration/V11_1__refile_multilingual_tags.sql";

	@Autowired
	private MockMvc mvc;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private DataSource dataSource;

	@Test
	void shouldFileMessagesOfAJoinedKeyUnderTheKeyOfEachLabel() throws Exception {
		String u = TestPeople.uniqueName("old");
		MockHttpSession author = TestPeople.signUp(this.mvc, u);
		String follower = TestPeople.uniqueName("follower");
		TestPeople.signUp(this.mvc, follower);
		long plain = Posting.as(this.mvc, author, "Plain #Map_" + u);
		long multilingual = Posting.as(this.mvc, author, "Two languages #[fr]Carte_" + u + "[en]Map_" + u);
		long joined = joinAsBefore(multilingual, "[en]map_" + u + "[fr]carte_" + u, "[fr]Carte_" + u + "[en]Map_" + u);
		this.jdbc.sql("insert into tag_follows (account_id, tag_id, created_at) select id, :tag, now() from accounts "
				+ "where login = :login").param("tag", joined).param("login", follower).update();

		runMigration();
		runMigration();

		assertThat(this.jdbc.sql("select count(*) from tags where key like '[%' and key like :pattern")
			.param("pattern", "%" + u + "%").query(Long.class).single()).isZero();
		assertThat(tagKeysOf(multilingual)).containsExactlyInAnyOrder("carte_" + u, "map_" + u);
		assertThat(counted("carte_" + u)).isEqualTo("Carte_" + u + " 1");
		assertThat(counted("map_" + u)).isEqualTo("Map_" + u + " 2");
		assertThat(this.jdbc.sql("""
				select t.key from thread_sources s join tags t on s.key = t.id::text
				where s.kind = 'tag' and s.thread_id = :thread order by t.key
				""").param("thread", multilingual).query(String.class).list()).containsExactly("carte_" + u, "map_" + u);
		assertThat(this.jdbc.sql("""
				select count(*) from tag_follows f join tags t on t.id = f.tag_id where t.key in (:keys)
				""").param("keys", List.of("carte_" + u, "map_" + u)).query(Long.class).single()).isEqualTo(2);
		assertThat(Posting.cardIds(Posting.page(this.mvc, null, "/tag/carte_" + u))).containsExactly(multilingual);
		assertThat(Posting.cardIds(Posting.page(this.mvc, null, "/tag/map_" + u))).containsExactly(multilingual, plain);
	}

	/**
	 * Files the message under one tag of this joined key, spelled so, instead of the tags of its labels, as
	 * Veille did before issue 11; returns the joined tag's id.
	 */
	private long joinAsBefore(long messageId, String key, String display) {
		long joined = this.jdbc.sql("insert into tags (key, display, thread_count) values (:key, :display, 1) returning id")
			.param("key", key).param("display", display).query(Long.class).single();
		List<Long> labels = this.jdbc.sql("select tag_id from message_tags where message_id = :m order by position")
			.param("m", messageId).query(Long.class).list();
		this.jdbc.sql("update message_tags set tag_id = :joined where message_id = :m and tag_id = :first")
			.param("joined", joined).param("m", messageId).param("first", labels.get(0)).update();
		this.jdbc.sql("update thread_tags set tag_id = :joined where thread_id = :m and tag_id = :first")
			.param("joined", joined).param("m", messageId).param("first", labels.get(0)).update();
		this.jdbc.sql("update thread_sources set key = :joined where kind = 'tag' and thread_id = :m and key = :first")
			.param("joined", Long.toString(joined)).param("m", messageId).param("first", labels.get(0).toString()).update();
		for (String table : List.of("message_tags where message_id", "thread_tags where thread_id")) {
			this.jdbc.sql("delete from " + table + " = :m and tag_id = :second")
				.param("m", messageId).param("second", labels.get(1)).update();
		}
		this.jdbc.sql("delete from thread_sources where kind = 'tag' and thread_id = :m and key = :second")
			.param("m", messageId).param("second", labels.get(1).toString()).update();
		this.jdbc.sql("delete from tag_spellings where tag_id in (:labels) and display like 'Carte%'")
			.param("labels", labels).update();
		this.jdbc.sql("update tag_spellings set uses = uses - 1 where tag_id = :second")
			.param("second", labels.get(1)).update();
		this.jdbc.sql("insert into tag_spellings (tag_id, display, uses) values (:joined, :display, 1)")
			.param("joined", joined).param("display", display).update();
		this.jdbc.sql("update tags set thread_count = thread_count - 1 where id in (:labels)")
			.param("labels", labels).update();
		this.jdbc.sql("delete from tags where id = :first").param("first", labels.get(0)).update();
		return joined;
	}

	private void runMigration() throws Exception {
		try (Connection connection = this.dataSource.getConnection()) {
			ScriptUtils.executeSqlScript(connection, new ClassPathResource(SCRIPT));
		}
	}

	private List<String> tagKeysOf(long messageId) {
		return this.jdbc.sql("select t.key from message_tags mt join tags t on t.id = mt.tag_id where mt.message_id = ?")
			.param(messageId).query(String.class).list();
	}

	private String counted(String key) {
		return this.jdbc.sql("select display || ' ' || thread_count from tags where key = ?")
			.param(key).query(String.class).single();
	}

}
