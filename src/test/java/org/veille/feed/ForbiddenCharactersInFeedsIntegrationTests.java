package org.veille.feed;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;

import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.io.WireFeedInput;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import org.veille.database.Timestamps;
import org.veille.support.IntegrationTest;
import org.veille.support.Posting;
import org.veille.support.TestPeople;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * No stored text can make a feed or a page fail (DESIGN §8): rows written before the inputs removed the
 * characters XML 1.0 forbids (here written directly with SQL) still give well-formed feeds, without those
 * characters, and pages.
 * And entries keep their milliseconds, so that two posted within one second differ, in a form Rome reads back.
 */
@IntegrationTest
class ForbiddenCharactersInFeedsIntegrationTests {

	private static final String FORBIDDEN = "\u0001\u0008\u001F\uFFFE\uFFFF";

	@Autowired
	private MockMvc mvc;

	@Autowired
	private JdbcClient jdbc;

	@Test
	void shouldKeepEveryFeedWellFormedWhenStoredTextHoldsCharactersXmlForbids() throws Exception {
		String login = TestPeople.uniqueName("xmlchars");
		String word = login.replace("_", "");
		String host = word + ".example.org";
		MockHttpSession author = TestPeople.signUp(this.mvc, login);
		long thread = Posting.as(this.mvc, author, "Titre " + word + "\nhttps://" + host + "/page #tag" + word);
		long reply = Posting.reply(this.mvc, author, thread, "Réponse " + word);
		this.jdbc.sql("update messages set body = body || :bad, title = title || :bad where id in (:thread, :reply)")
			.param("bad", FORBIDDEN)
			.param("thread", thread)
			.param("reply", reply)
			.update();
		this.jdbc.sql("update accounts set display_name = :name where login = :login")
			.param("name", "Nom" + FORBIDDEN)
			.param("login", login)
			.update();
		this.jdbc.sql("update links set title = :title where host = :host")
			.param("title", "Page" + FORBIDDEN)
			.param("host", host)
			.update();
		this.jdbc.sql("update tags set display = :display where key = :key")
			.param("display", "tag" + word + FORBIDDEN)
			.param("key", "tag" + word)
			.update();

		for (String path : List.of("/all/feed", "/people/" + login + "/feed", "/people/" + login + "/only/feed",
				"/messages/" + thread + "/feed", "/search/feed?q=" + word, "/tag/tag" + word + "/feed",
				"/sites/" + host + "/feed")) {
			MockHttpServletResponse response = this.mvc.perform(get(path)).andReturn().getResponse();
			assertThat(response.getStatus()).as(path).isEqualTo(200);
			String xml = response.getContentAsString();
			assertThat(xml).as(path).contains(word).doesNotContain("\u0001", "\uFFFF", "\uFFFE");
			assertThat(parse(response.getContentAsByteArray()).getDocumentElement().getLocalName()).as(path)
				.isEqualTo("feed");
		}
		assertThat(this.mvc.perform(get("/people/" + login + "/feed")).andReturn().getResponse().getContentAsString())
			.contains("<name>Nom</name>", "title=\"Page\"", "label=\"tag" + word + "\"");
		for (String path : List.of("/all", "/people/" + login, "/messages/" + thread, "/search?q=" + word,
				"/tag/tag" + word, "/sites/" + host, "/api/messages/" + thread, "/api/people/" + login + "/messages")) {
			MockHttpServletResponse response = this.mvc.perform(get(path)).andReturn().getResponse();
			assertThat(response.getStatus()).as(path).isEqualTo(200);
			assertThat(response.getContentAsString()).as(path).contains(word);
		}
	}

	@Test
	void shouldWriteEntryTimesWithTheirMilliseconds() throws Exception {
		String login = TestPeople.uniqueName("micros");
		MockHttpSession author = TestPeople.signUp(this.mvc, login);
		long first = Posting.as(this.mvc, author, "Premier dans la seconde");
		long second = Posting.as(this.mvc, author, "Second dans la même seconde");
		setTimes(first, Instant.parse("2026-03-01T10:00:00.123456Z"));
		setTimes(second, Instant.parse("2026-03-01T10:00:00.654321Z"));

		String xml = this.mvc.perform(get("/people/" + login + "/only/feed")).andReturn().getResponse().getContentAsString();
		Document feed = parse(xml.getBytes(StandardCharsets.UTF_8));

		assertThat(entryTimes(feed, "updated")).containsExactly("2026-03-01T10:00:00.654Z", "2026-03-01T10:00:00.123Z");
		assertThat(entryTimes(feed, "published")).containsExactly("2026-03-01T10:00:00.654Z",
				"2026-03-01T10:00:00.123Z");
		Feed read = (Feed) new WireFeedInput().build(new StringReader(xml));
		assertThat(read.getEntries()).extracting((entry) -> entry.getUpdated().toInstant())
			.containsExactly(Instant.parse("2026-03-01T10:00:00.654Z"), Instant.parse("2026-03-01T10:00:00.123Z"));
	}

	private void setTimes(long id, Instant at) {
		this.jdbc.sql("update messages set created_at = :at, updated_at = :at, activity_at = :at where id = :id")
			.param("at", Timestamps.of(at))
			.param("id", id)
			.update();
	}

	private static List<String> entryTimes(Document feed, String name) {
		List<String> times = new ArrayList<>();
		NodeList entries = feed.getDocumentElement().getElementsByTagNameNS("http://www.w3.org/2005/Atom", "entry");
		for (int i = 0; i < entries.getLength(); i++) {
			Element entry = (Element) entries.item(i);
			times.add(entry.getElementsByTagNameNS("http://www.w3.org/2005/Atom", name).item(0).getTextContent());
		}
		return times;
	}

	private static Document parse(byte[] xml) throws Exception {
		DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
		factory.setNamespaceAware(true);
		factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
		return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
	}

}
