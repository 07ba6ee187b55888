package org.veille.transfer;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import org.veille.support.IntegrationTest;
import org.veille.support.Posting;
import org.veille.support.TestPeople;
import org.veille.transfer.format.ImportOptions;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The batch write path of imports stores what posting stores: the same texts imported by one person
 * and posted one by one by another give the same derived rows (tags, spellings and counters, thread
 * tags, links, site paths and counters, stream reasons, mentions and their alerts, search documents),
 * and the tag, site and search pages list both people's threads alike.
 */
@IntegrationTest
class ImportEquivalenceTests {

	@Autowired
	private MockMvc mvc;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private ImportService imports;

	@Test
	void shouldDeriveFromAnImportedBatchWhatPostingTheSameTextsDerives() throws Exception {
		String u = TestPeople.uniqueName("eq");
		String host = u.replace('_', '-') + ".example.org";
		String importer = TestPeople.uniqueName("importer");
		String poster = TestPeople.uniqueName("poster");
		String mentioned = TestPeople.uniqueName("named");
		MockHttpSession importing = TestPeople.signUp(this.mvc, importer);
		MockHttpSession posting = TestPeople.signUp(this.mvc, poster);
		TestPeople.signUp(this.mvc, mentioned);
		List<String> texts = List.of(
				"Rivers of " + u + "\nhttps://" + host + "/maps/rivers?utm_source=letter #" + u + "Maps #" + u + "_geo",
				"The same page spelled otherwise https://www." + host + "/maps/rivers/ #" + u + "maps",
				"A deep page https://" + host + "/a/b/c/d/e/f/g/h/i/j #" + u + "Maps #" + u + "deep",
				"With a query https://" + host + "/search?q=veille and https://other-" + host + "/ #" + u + "_geo",
				"A port out of range https://" + host + ":99999/x #" + u + "bad",
				"For @" + mentioned + " about https://" + host + "/maps #" + u + "Maps",
				"No tag and no link, only the word " + u + "word",
				"Two languages #[fr]" + u + "carte[en]" + u + "map https://" + host + "/maps/rivers",
				"One key typed twice #" + u + "Maps and #" + u + "MAPS",
				"The root of the site https://" + host + " #" + u + "root",
				"For @nobody" + u.replace("_", "") + " https://" + host + "/blog/2026/post",
				"Last one\n\n❝A quote❞ https://" + host + "/blog/2026/ #" + u + "_geo #" + u + "deep");
		StringBuilder tooManyTags = new StringBuilder("Over the limit of tags");
		for (int i = 0; i < 51; i++) {
			tooManyTags.append(" #").append(u).append("many").append(i);
		}

		String tooLong = "Over the limit of length https://" + host + "/long\n" + "http://-".repeat(2_500);

		long importId = importXml(ImportRuns.accountId(this.jdbc, importer), u, texts,
				List.of(tooManyTags.toString(), tooLong));

		assertThat(this.jdbc.sql("select created || '/' || duplicates || '/' || skipped from imports where id = :id")
			.param("id", importId)
			.query(String.class)
			.single()).isEqualTo(texts.size() + "/1/2");
		assertThat(this.jdbc.sql("select entries from import_skips where import_id = :id and reason = 'OVER_A_LIMIT'")
			.param("id", importId)
			.query(Integer.class)
			.single()).isEqualTo(2);
		assertThat(Posting.page(this.mvc, importing, "/settings/import/" + importId))
			.contains("over a limit of a message (20,000 characters, 50 tags, 20 links): 2");
		List<Long> imported = this.jdbc.sql("""
				select m.id from messages m join accounts a on a.id = m.author_id where a.login = :login order by m.created_at
				""").param("login", importer).query(Long.class).list();
		assertThat(imported).hasSize(texts.size());
		Map<String, String> tagCounters = tagCounters(imported);
		Map<String, String> siteCounters = siteCounters(imported);
		List<Long> posted = new ArrayList<>();
		for (long id : imported) {
			posted.add(Posting.as(this.mvc, posting, body(id)));
		}

		for (int i = 0; i < imported.size(); i++) {
			assertThat(derived(posted.get(i))).as("derived rows of %s", texts.get(i)).isEqualTo(derived(imported.get(i)));
		}
		assertThat(tagCounters(posted)).isEqualTo(doubled(tagCounters));
		assertThat(siteCounters(posted)).isEqualTo(doubled(siteCounters));
		assertThat(this.jdbc.sql("""
				select count(*) from alerts al join accounts a on a.id = al.account_id
				where a.login = :login and al.reason = 'mention' and al.message_id in (:ids)
				""").param("login", mentioned).param("ids", List.of(imported.get(5), posted.get(5))).query(Long.class).single())
			.isEqualTo(2);
		assertListedAlike(importing, "/tag/" + u + "maps", imported, posted, true);
		assertListedAlike(importing, "/sites/" + host + "/maps", imported, posted, true);
		assertListedAlike(importing, "/search?q=" + u + "word", imported, posted, false);
		assertListedAlike(importing, "/search?q=" + u + "maps", imported, posted, false);
	}

	/**
	 * The page lists the imported threads and their posted twins in the same order; by date, the posted
	 * ones (newer) first.
	 */
	private void assertListedAlike(MockHttpSession session, String path, List<Long> imported, List<Long> posted,
			boolean byDate) throws Exception {
		List<Long> cards = Posting.cardIds(Posting.page(this.mvc, session, path));
		List<Long> ofImport = cards.stream().filter(imported::contains).toList();
		List<Long> ofPosts = cards.stream().filter(posted::contains).toList();
		assertThat(ofImport).as("imported threads on %s", path).isNotEmpty();
		assertThat(ofPosts.stream().map((id) -> imported.get(posted.indexOf(id))).toList()).isEqualTo(ofImport);
		if (byDate) {
			assertThat(cards).endsWith(ofImport.toArray(Long[]::new)).startsWith(ofPosts.toArray(Long[]::new));
		}
	}

	/** Imports these texts as a Seenthis export (one entry twice, then those over a limit) and waits for the end. */
	private long importXml(long accountId, String u, List<String> texts, List<String> rejected) throws Exception {
		StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<messages>\n");
		for (int i = 0; i < texts.size(); i++) {
			entry(xml, u + i, Instant.parse("2021-03-01T08:00:00Z").plus(Duration.ofHours(i * 25L)), texts.get(i));
		}
		entry(xml, u + 0, Instant.parse("2021-03-01T08:00:00Z"), texts.get(0));
		for (int i = 0; i < rejected.size(); i++) {
			entry(xml, u + "rejected" + i, Instant.parse("2021-02-01T08:00:00Z"), rejected.get(i));
		}
		xml.append("</messages>\n");
		return ImportRuns.importAndWait(this.imports, this.jdbc, accountId, "export.xml", xml.toString(),
				new ImportService.Choices(ImportOptions.defaults(), true, false));
	}

	private static void entry(StringBuilder xml, String id, Instant date, String text) {
		xml.append("<message id=\"").append(id).append("\" kind=\"message\">\n<author href=\"https://seenthis.example/people/me\">")
			.append("<![CDATA[Me]]></author>\n<date>").append(date).append("</date>\n<text><![CDATA[").append(text)
			.append("]]></text>\n</message>\n");
	}

	/** Everything derived from one message, with its author and its dates read relative to the message. */
	private Map<String, String> derived(long messageId) {
		Map<String, String> rows = new LinkedHashMap<>();
		rows.put("title", one("select title from messages where id = :id", messageId));
		rows.put("message tags", one("""
				select string_agg(g.key || '@' || mt.position, ' ' order by mt.position)
				from message_tags mt join tags g on g.id = mt.tag_id where mt.message_id = :id
				""", messageId));
		rows.put("tag displays", one("""
				select string_agg(g.display, ' ' order by mt.position)
				from message_tags mt join tags g on g.id = mt.tag_id where mt.message_id = :id
				""", messageId));
		rows.put("thread tags", one("""
				select string_agg(g.key || (tt.published_at = m.created_at), ' ' order by g.key)
				from thread_tags tt join tags g on g.id = tt.tag_id join messages m on m.id = tt.thread_id
				where tt.thread_id = :id
				""", messageId));
		rows.put("links", one("""
				select string_agg(l.id || ' ' || l.url || ' ' || l.fetch_status || ' ' || coalesce(sp.host || sp.path, '-')
				                  || '@' || ml.position, ' ' order by ml.position)
				from message_links ml join links l on l.id = ml.link_id left join site_paths sp on sp.id = l.site_path_id
				where ml.message_id = :id
				""", messageId));
		rows.put("site threads", one("""
				select string_agg(sp.host || sp.path || (st.published_at = m.created_at), ' ' order by sp.host, sp.path)
				from site_threads st join site_paths sp on sp.id = st.site_path_id join messages m on m.id = st.thread_id
				where st.thread_id = :id
				""", messageId));
		rows.put("thread sources", one("""
				select string_agg(s.kind || ':' || case when s.kind = 'author' and s.key = m.author_id::text then 'AUTHOR'
				                                        else s.key end
				                  || (s.activity_at = m.created_at) || (s.author_id = m.author_id),
				                  ' ' order by s.kind, s.key)
				from thread_sources s join messages m on m.id = s.thread_id where s.thread_id = :id
				""", messageId));
		rows.put("mentions", one("""
				select string_agg(a.login, ' ' order by a.login)
				from message_mentions mm join accounts a on a.id = mm.account_id where mm.message_id = :id
				""", messageId));
		rows.put("alerts", one("""
				select string_agg(a.login || ':' || al.reason || (al.created_at = m.created_at), ' ' order by a.login)
				from alerts al join accounts a on a.id = al.account_id join messages m on m.id = al.message_id
				where al.message_id = :id
				""", messageId));
		rows.put("search document", one("""
				select s.document::text || (s.published_at = m.created_at)
				from thread_search s join messages m on m.id = s.thread_id where s.thread_id = :id
				""", messageId));
		rows.put("activity", one("select (activity_at = created_at and updated_at = created_at)::text from messages where id = :id",
				messageId));
		return rows;
	}

	/** The counters of the tags of these messages: threads, and uses of each spelling. */
	private Map<String, String> tagCounters(List<Long> messageIds) {
		Map<String, String> counters = new LinkedHashMap<>();
		this.jdbc.sql("""
				select g.key, g.display, g.thread_count,
				       (select string_agg(s.display || '=' || s.uses, ' ' order by s.display)
				        from tag_spellings s where s.tag_id = g.id) as spellings
				from tags g where g.id in (select tag_id from message_tags where message_id in (:ids))
				order by g.key
				""").param("ids", messageIds).query((rs) -> {
			counters.put(rs.getString("key"), "display=" + rs.getString("display") + " threads=" + rs.getInt("thread_count")
					+ " " + rs.getString("spellings"));
		});
		return counters;
	}

	/** The thread counters of the site paths listing these messages' threads. */
	private Map<String, String> siteCounters(List<Long> messageIds) {
		Map<String, String> counters = new LinkedHashMap<>();
		this.jdbc.sql("""
				select sp.host || sp.path as site, sp.parent_path, sp.thread_count from site_paths sp
				where sp.id in (select site_path_id from site_threads where thread_id in (:ids))
				order by 1
				""").param("ids", messageIds).query((rs) -> {
			counters.put(rs.getString("site"), "parent=" + rs.getString("parent_path") + " threads=" + rs.getInt("thread_count"));
		});
		return counters;
	}

	/** The counters once each thread had a twin: each {@code name=number} twice as high. */
	private static Map<String, String> doubled(Map<String, String> counters) {
		Map<String, String> doubled = new LinkedHashMap<>();
		counters.forEach((key, value) -> {
			List<String> twice = new ArrayList<>();
			for (String part : value.split(" ")) {
				String[] named = part.split("=", -1);
				boolean number = named.length == 2 && named[1].matches("\\d+");
				twice.add(number ? named[0] + "=" + 2 * Integer.parseInt(named[1]) : part);
			}
			doubled.put(key, String.join(" ", twice));
		});
		return doubled;
	}

	private String body(long messageId) {
		return this.jdbc.sql("select body from messages where id = :id").param("id", messageId).query(String.class).single();
	}

	private String one(String sql, long messageId) {
		List<String> rows = this.jdbc.sql(sql).param("id", messageId).query(String.class).list();
		return rows.isEmpty() ? "no row" : String.valueOf(rows.get(0));
	}

}
