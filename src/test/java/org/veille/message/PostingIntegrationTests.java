package org.veille.message;

import java.io.StringReader;
import java.net.URI;
import java.util.List;

import com.rometools.rome.feed.atom.Category;
import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.io.WireFeedInput;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import org.veille.support.IntegrationTest;
import org.veille.support.TestPeople;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The foundation journey on a real PostgreSQL: the posting form, the tag pages, the tag feed.
 */
@IntegrationTest
class PostingIntegrationTests {

	private static final String EXAMPLE = "Un titre\nhttps://example.org/a?utm_source=x&id=3#frag\n\n❝un extrait❞\n\n"
			+ "#Santé #COVID-19 d’#Amazonie #terres.";

	@Autowired
	private MockMvc mvc;

	@Autowired
	private JdbcClient jdbc;

	@Test
	void shouldDeriveTagsAndCleanUrlFromThePostedText() throws Exception {
		long id = postAs(TestPeople.uniqueName("poster"), EXAMPLE);

		assertThat(this.jdbc.sql("select body from messages where id = ?").param(id).query(String.class).single())
			.isEqualTo(EXAMPLE);
		assertThat(tagKeysOf(id)).containsExactly("sante", "covid-19", "amazonie", "terres");
		assertThat(this.jdbc.sql("""
				select l.url from message_links ml join links l on l.id = ml.link_id where ml.message_id = ?
				""").param(id).query(String.class).list()).containsExactly("https://example.org/a?id=3#frag");
	}

	@Test
	void shouldListThePostOnItsTagPageWhateverTheSpelling() throws Exception {
		long id = postAs(TestPeople.uniqueName("poster"), EXAMPLE);

		this.mvc.perform(get("/tag/sante"))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("id=\"m" + id + "\"")));
		this.mvc.perform(get("/tag/Santé")).andExpect(status().isMovedPermanently())
			.andExpect(header().string("Location", "/tag/sante"));
		this.mvc.perform(get(URI.create("/tag/SANT%C3%89"))).andExpect(status().isMovedPermanently())
			.andExpect(header().string("Location", "/tag/sante"));
		this.mvc.perform(get("/tag/covid-19")).andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("id=\"m" + id + "\"")));
	}

	@Test
	void shouldPublishThePostInTheTagFeedWithACategoryPerTag() throws Exception {
		long id = postAs(TestPeople.uniqueName("poster"), EXAMPLE);
		String uuid = this.jdbc.sql("select uuid::text from messages where id = ?").param(id).query(String.class).single();

		MvcResult result = this.mvc.perform(get("/tag/sante/feed"))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", org.hamcrest.Matchers.startsWith("application/atom+xml")))
			.andReturn();
		Feed feed = (Feed) new WireFeedInput().build(new StringReader(result.getResponse().getContentAsString()));

		assertThat(feed.getFeedType()).isEqualTo("atom_1.0");
		assertThat(feed.getOtherLinks()).anySatisfy((link) -> {
			assertThat(link.getRel()).isEqualTo("self");
			assertThat(link.getHref()).endsWith("/tag/sante/feed");
		});
		Entry entry = feed.getEntries().stream().filter((e) -> e.getId().equals("urn:uuid:" + uuid)).findFirst()
			.orElseThrow();
		assertThat(entry.getTitle()).isEqualTo("Un titre");
		assertThat(entry.getAlternateLinks().get(0).getHref()).endsWith("/messages/" + id);
		assertThat(entry.getOtherLinks()).extracting("rel", "href")
			.containsExactly(org.assertj.core.groups.Tuple.tuple("related", "https://example.org/a?id=3#frag"));
		assertThat(entry.getCategories()).extracting(Category::getTerm)
			.containsExactly("sante", "covid-19", "amazonie", "terres");
		assertThat(entry.getCategories().get(0).getScheme()).endsWith("/tag/sante");
		assertThat(entry.getContents().get(0).getType()).isEqualTo("html");
		assertThat(entry.getContents().get(0).getValue()).contains("<blockquote>");
		assertThat(entry.getAuthors()).hasSize(1);
		assertThat(entry.getPublished()).isNotNull();
		assertThat(entry.getUpdated()).isNotNull();
	}

	@Test
	void shouldRenderUserTextEscaped() throws Exception {
		long id = postAs(TestPeople.uniqueName("poster"),
				"Titre <b>gras</b>\n<script>alert(1)</script> https://example.org/x\"onmouseover=\"y #échappé");

		String page = this.mvc.perform(get("/messages/" + id)).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString();
		assertThat(page).doesNotContain("<script>alert").doesNotContain("<b>gras</b>").doesNotContain("\"onmouseover");
		assertThat(page).contains("&lt;script&gt;alert(1)&lt;/script&gt;");
		assertThat(page).contains("href=\"/tag/echappe\"");
	}

	@Test
	void shouldDropInvisibleControlCharactersThatPostgresqlCannotStore() throws Exception {
		long id = postAs(TestPeople.uniqueName("control"), "Octet\u0000 nul\u0007 #contrôle");

		assertThat(this.jdbc.sql("select body from messages where id = ?").param(id).query(String.class).single())
			.isEqualTo("Octet nul #contrôle");
	}

	@Test
	void shouldKeepTheTextAndStoreNothingWhenTheMessageIsEmpty() throws Exception {
		String login = TestPeople.uniqueName("empty");
		MockHttpSession session = TestPeople.signUp(this.mvc, login);

		this.mvc.perform(post("/post").session(session).with(csrf()).param("text", "  \n  "))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("Write something before posting.")));
		assertThat(messagesBy(login)).isZero();
	}

	@Test
	void shouldRefuseAMessageOverTwentyThousandCharactersAndKeepTheText() throws Exception {
		String login = TestPeople.uniqueName("long");
		MockHttpSession session = TestPeople.signUp(this.mvc, login);
		String text = "Long\n" + "mot ".repeat(5_000);

		String page = this.mvc.perform(post("/post").session(session).with(csrf()).param("text", text))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		assertThat(page).contains("has 20,005 characters; the limit is 20,000");
		assertThat(page).contains(text.strip());
		assertThat(messagesBy(login)).isZero();
	}

	@Test
	void shouldRefuseMoreThanFiftyTagsAndKeepTheText() throws Exception {
		String login = TestPeople.uniqueName("tags");
		MockHttpSession session = TestPeople.signUp(this.mvc, login);
		StringBuilder text = new StringBuilder("Trop de tags\n");
		for (int i = 1; i <= 51; i++) {
			text.append(" #t").append(i);
		}

		String page = this.mvc.perform(post("/post").session(session).with(csrf()).param("text", text.toString()))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		assertThat(page).contains("Your message has 51 tags; the limit is 50.").contains("#t51");
		assertThat(messagesBy(login)).isZero();
	}

	@Test
	void shouldShowTheErrorOnTheHomePageWhenPostedFromThere() throws Exception {
		MockHttpSession session = TestPeople.signUp(this.mvc, TestPeople.uniqueName("home"));

		this.mvc.perform(post("/post").session(session).with(csrf()).param("text", "").param("origin", "home"))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("Your stream")))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("Write something before posting.")));
	}

	@Test
	void shouldAnswerAPostWithoutCsrfTokenWithTheForbiddenPage() throws Exception {
		String login = TestPeople.uniqueName("csrf");
		MockHttpSession session = TestPeople.signUp(this.mvc, login);

		this.mvc.perform(post("/post").session(session).param("text", "Sans jeton #csrf"))
			.andExpect(status().isForbidden());
		assertThat(messagesBy(login)).isZero();
	}

	@Test
	void shouldSendVisitorsToTheLoginPageBeforePosting() throws Exception {
		this.mvc.perform(get("/post").param("url", "https://example.org/"))
			.andExpect(status().is3xxRedirection())
			.andExpect(header().string("Location", org.hamcrest.Matchers.endsWith("/login")));
	}

	@Test
	void shouldPrefillTheFormFromTheBookmarkletParameters() throws Exception {
		MockHttpSession session = TestPeople.signUp(this.mvc, TestPeople.uniqueName("prefill"));

		this.mvc.perform(get("/post").session(session)
			.param("title", "Une page")
			.param("url", "https://example.org/page")
			.param("selection", "un passage choisi"))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers
				.containsString("Une page\nhttps://example.org/page\n\n❝un passage choisi❞")));
	}

	private long postAs(String login, String text) throws Exception {
		MockHttpSession session = TestPeople.signUp(this.mvc, login);
		MvcResult result = this.mvc.perform(post("/post").session(session).with(csrf()).param("text", text))
			.andExpect(status().is3xxRedirection())
			.andReturn();
		String location = result.getResponse().getRedirectedUrl();
		assertThat(location).startsWith("/messages/");
		return Long.parseLong(location.substring("/messages/".length()));
	}

	private List<String> tagKeysOf(long messageId) {
		return this.jdbc.sql("""
				select t.key from message_tags mt join tags t on t.id = mt.tag_id
				where mt.message_id = ? order by mt.position
				""").param(messageId).query(String.class).list();
	}

	private long messagesBy(String login) {
		return this.jdbc.sql("select count(*) from messages m join accounts a on a.id = m.author_id where a.login = ?")
			.param(login)
			.query(Long.class)
			.single();
	}

}
