package org.veille.search;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

import org.veille.support.IntegrationTest;
import org.veille.support.Posting;
import org.veille.support.TestPeople;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Search shows why (issue 15): each result shows its matching passage with the words found marked, in the text
 * as typed (accents and case kept) and escaped, and says which field matched when it is not the text.
 */
@IntegrationTest
class SearchPassagesIntegrationTests {

	@Autowired
	private MockMvc mvc;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private SearchDocuments documents;

	@Autowired
	private TransactionTemplate transactions;

	private MockHttpSession session;

	@BeforeEach
	void signUp() throws Exception {
		this.session = TestPeople.signUp(this.mvc, TestPeople.uniqueName("passage"));
	}

	@Test
	void shouldMarkTheWordsFoundInTheTextAsTyped() throws Exception {
		String word = SearchIntegrationTests.word();
		long thread = Posting.as(this.mvc, this.session, "Un titre quelconque\n\nAu début, rien. Puis le " + word
				+ "Vélo électrique arrive dans la ville, et tout change pour les cyclistes du quartier.");

		Element result = result(search(word + "velo"), thread);

		assertThat(result.select(".passage mark")).extracting(Element::text).containsExactly(word + "Vélo");
		assertThat(result.select(".passage").text()).contains("électrique arrive");
		assertThat(result.select(".passage").attr("dir")).isEqualTo("auto");
		assertThat(result.select(".found-in")).as("found in the text: nothing to say").isEmpty();
		assertThat(result.select(".result-title a").text()).isEqualTo("Un titre quelconque");
	}

	@Test
	void shouldEscapeThePassageAndMarkNothingButTheWordsFound() throws Exception {
		String word = SearchIntegrationTests.word();
		long thread = Posting.as(this.mvc, this.session, "Balises\n\n<script>alert(1)</script> & \"guillemets\" "
				+ "\uE000faux\uE001 " + word + " <img src=x onerror=alert(2)>");

		String html = search(word);
		Element passage = result(html, thread).selectFirst(".passage");

		assertThat(passage.select("*").not(".passage")).allMatch((element) -> element.tagName().equals("mark"));
		assertThat(passage.select("mark")).extracting(Element::text).containsExactly(word);
		assertThat(passage.text()).contains("alert(1)", "& \"guillemets\"").doesNotContain("\uE000", "\uE001");
		assertThat(html).doesNotContain("<script>alert", "<img src=x");
	}

	@Test
	void shouldSayTheWordsWereFoundInAReply() throws Exception {
		String word = SearchIntegrationTests.word();
		long thread = Posting.as(this.mvc, this.session, "Le fil ne dit rien de tel");
		Posting.reply(this.mvc, this.session, thread, "Mais la réponse parle de " + word + " longuement.");

		Element result = result(search(word), thread);

		assertThat(result.select(".found-in").text()).isEqualTo("Found in a reply");
		assertThat(result.select(".passage mark")).extracting(Element::text).containsExactly(word);
		assertThat(result.select(".passage").text()).contains("la réponse parle de");
	}

	@Test
	void shouldSayTheWordsWereFoundInTheTitleOfACitedPage() throws Exception {
		String word = SearchIntegrationTests.word();
		String path = SearchIntegrationTests.word();
		long thread = Posting.as(this.mvc, this.session, "Sans commentaire https://example.net/" + path);
		this.jdbc.sql("update links set title = :title where normalized = :key")
			.param("title", "Le titre " + word + " de la page")
			.param("key", "https://example.net/" + path)
			.update();
		long link = this.jdbc.sql("select id from links where normalized = :key")
			.param("key", "https://example.net/" + path)
			.query(Long.class)
			.single();
		this.transactions.executeWithoutResult((status) -> this.documents.refreshCiting(link));

		Element result = result(search(word), thread);

		assertThat(result.select(".found-in").text())
			.isEqualTo("Found in the title or description of a cited page");
		assertThat(result.select(".passage").text()).contains("Le titre " + word);
		assertThat(result.select(".passage mark")).extracting(Element::text).containsExactly(word);
	}

	@Test
	void shouldStillShowAPassageWhenTheWordIsOnlyInATag() throws Exception {
		String word = SearchIntegrationTests.word();
		// The text parser reads "#Énergie/zq…" as one path: the word is a word of the child tag's key only.
		long thread = Posting.as(this.mvc, this.session, "Une note sans ce mot\n\nQuelques phrases pour la suite.\n\n"
				+ "#Énergie/" + word);

		Element result = result(search(word), thread);

		assertThat(result.select(".found-in").text()).isEqualTo("Found in its tags: #Énergie/" + word);
		assertThat(result.select(".result-title").text()).isEqualTo("Une note sans ce mot");
		assertThat(result.select(".passage").text()).as("the text after its title").startsWith("Quelques phrases");
		assertThat(result.select(".passage mark")).isEmpty();
	}

	@Test
	void shouldStillShowAPassageWhenTheSearchIsOnlyAnAddress() throws Exception {
		String path = SearchIntegrationTests.word();
		long thread = Posting.as(this.mvc, this.session, "Un lien à lire\nhttps://example.org/" + path
				+ "\n\nCe que j'en pense, en deux mots.");

		Element result = result(search("https://example.org/" + path), thread);

		assertThat(result.select(".found-in").text()).isEqualTo("Cites this address");
		assertThat(result.select(".passage").text()).contains("Ce que j'en pense");
	}

	@Test
	void shouldMarkAWordInsideRightToLeftText() throws Exception {
		String word = SearchIntegrationTests.word();
		long thread = Posting.as(this.mvc, this.session, "عنوان\n\nهذا نص عربي طويل " + word + " مع كلمات أخرى بعده");

		Element passage = result(search(word), thread).selectFirst(".passage");

		assertThat(passage.attr("dir")).isEqualTo("auto");
		assertThat(passage.select("mark")).extracting(Element::text).containsExactly(word);
		assertThat(passage.text()).contains("هذا نص عربي طويل", "مع كلمات أخرى");
	}

	@Test
	void shouldSpeakFrench() throws Exception {
		String word = SearchIntegrationTests.word();
		long thread = Posting.as(this.mvc, this.session, "Le fil");
		Posting.reply(this.mvc, this.session, thread, "La réponse dit " + word);

		String html = this.mvc.perform(get("/search").param("q", word).header("Accept-Language", "fr"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(result(html, thread).select(".found-in").text()).isEqualTo("Trouvé dans une réponse");
	}

	private String search(String query) throws Exception {
		return this.mvc.perform(get("/search").param("q", query).header("Accept-Language", "en"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	private static Element result(String html, long thread) {
		Document page = Jsoup.parse(html);
		Element result = page.getElementById("m" + thread);
		assertThat(result).as("result for thread %s", thread).isNotNull();
		return result;
	}

}
