package org.veille.tag;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import org.veille.support.IntegrationTest;
import org.veille.support.Posting;
import org.veille.support.QueryCounting;
import org.veille.support.TestPeople;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The hierarchy, prefix and exact forms, related tags, the tag index and trending tags (DESIGN §4). */
@IntegrationTest
class TagBrowsingIntegrationTests {

	@Autowired
	private MockMvc mvc;

	@Autowired
	private RelatedTags relatedTags;

	@Autowired
	private TagAsides asides;

	private MockHttpSession session;

	private String tag;

	@BeforeEach
	void signUp() throws Exception {
		this.session = TestPeople.signUp(this.mvc, TestPeople.uniqueName("rangeur"));
		this.tag = TestPeople.uniqueName("arbre").toLowerCase();
	}

	private String page(String path) throws Exception {
		return Posting.page(this.mvc, null, path);
	}

	/** The part of a page from a section's heading to the end of that section. */
	private static String section(String html, String heading) {
		int start = html.indexOf(heading);
		assertThat(start).as("section " + heading).isGreaterThanOrEqualTo(0);
		return html.substring(start, html.indexOf("</section>", start));
	}

	@Test
	void shouldShowTheParentChainAsABreadcrumb() throws Exception {
		Posting.as(this.mvc, this.session, "Racine #" + this.tag);
		Posting.as(this.mvc, this.session, "Milieu #" + this.tag + "/milieu");
		long deep = Posting.as(this.mvc, this.session, "Feuille #" + this.tag + "/milieu/feuille");

		String html = page("/tag/" + this.tag + "/milieu/feuille");
		String breadcrumb = html.substring(html.indexOf("class=\"breadcrumb\""), html.indexOf("</nav>", html.indexOf("class=\"breadcrumb\"")));
		assertThat(breadcrumb).contains("href=\"/tag/" + this.tag + "\"", ">#" + this.tag + "<",
				"href=\"/tag/" + this.tag + "/milieu\"", ">milieu<");
		assertThat(breadcrumb.indexOf(this.tag + "\"")).isLessThan(breadcrumb.indexOf("/milieu\""));
		assertThat(Posting.cardIds(html)).containsExactly(deep);
	}

	@Test
	void shouldListChildrenMostUsedFirstWithTheirCountsButNotGrandchildren() throws Exception {
		Posting.as(this.mvc, this.session, "Un #" + this.tag + "/rare");
		Posting.as(this.mvc, this.session, "Deux #" + this.tag + "/courant");
		Posting.as(this.mvc, this.session, "Trois #" + this.tag + "/courant");
		Posting.as(this.mvc, this.session, "Quatre #" + this.tag + "/courant/petit");

		String children = section(page("/tag/" + this.tag), "Below this tag");
		assertThat(children).contains(">courant<", "2 threads", ">rare<", "one thread").doesNotContain("petit");
		assertThat(children.indexOf(">courant<")).isLessThan(children.indexOf(">rare<"));
	}

	@Test
	void shouldListTreeThreadsExactThreadsAndPrefixThreads() throws Exception {
		long parent = Posting.as(this.mvc, this.session, "Parent #" + this.tag);
		long child = Posting.as(this.mvc, this.session, "Enfant #" + this.tag + "/enfant");
		long alike = Posting.as(this.mvc, this.session, "Voisin #" + this.tag + "voisin");
		// '-' sorts before the children's '/', 'v' after it: tags starting alike lie on both sides of them.
		long alikeBefore = Posting.as(this.mvc, this.session, "Cousin #" + this.tag + "-cousin");

		assertThat(Posting.cardIds(page("/tag/" + this.tag))).containsExactly(child, parent);
		assertThat(Posting.cardIds(page("/tag/" + this.tag + "$"))).containsExactly(parent);
		assertThat(Posting.cardIds(page("/tag/" + this.tag + "*"))).containsExactly(alikeBefore, alike, child, parent);
		assertThat(section(page("/tag/" + this.tag), "Other tags starting with these letters"))
			.contains("href=\"/tag/" + this.tag + "voisin\"", "href=\"/tag/" + this.tag + "-cousin\"")
			.doesNotContain("/enfant");
	}

	@Test
	void shouldListRelatedTagsMostCoOccurringFirstWithCounts() throws Exception {
		String often = this.tag + "souvent";
		String once = TestPeople.uniqueName("parfois").toLowerCase();
		Posting.as(this.mvc, this.session, "A #" + this.tag + " #" + often);
		Posting.as(this.mvc, this.session, "B #" + this.tag + " #" + often + " #" + once);
		long replied = Posting.as(this.mvc, this.session, "C #" + this.tag);
		Posting.reply(this.mvc, this.session, replied, "Ajouté par une réponse #" + often);

		String related = section(page("/tag/" + this.tag + "$"), "Often found with this tag");
		assertThat(related).contains("#" + often, "in 3 threads together", "#" + once, "in one thread together");
		assertThat(related.indexOf(often)).isLessThan(related.indexOf(once));
	}

	@Test
	void shouldListTheNewestThreadsOfATreeOfMoreTagsThanAPageAndPageOnFromThere() throws Exception {
		// More children than a page: the page reads only the tags changed since the newest ones (ThreadQueries).
		List<Long> threads = new ArrayList<>();
		for (int i = 0; i < 30; i++) {
			threads.add(Posting.as(this.mvc, this.session, "Branche " + i + " #" + this.tag + "/b" + i));
		}
		threads.add(Posting.as(this.mvc, this.session, "La première branche encore #" + this.tag + "/b0"));
		List<Long> newestFirst = new ArrayList<>(threads);
		Collections.reverse(newestFirst);

		String first = fresh("/tag/" + this.tag);
		Matcher next = Pattern.compile("rel=\"next\" href=\"[^\"]*before=([^\"]+)\"").matcher(first);
		assertThat(next.find()).isTrue();
		String second = fresh("/tag/" + this.tag + "?before=" + next.group(1));

		assertThat(Posting.cardIds(first)).containsExactlyElementsOf(newestFirst.subList(0, 25));
		assertThat(Posting.cardIds(second)).containsExactlyElementsOf(newestFirst.subList(25, 31));
	}

	@Test
	void shouldCountRelatedTagsOnceAndAgainWhenTheTagGainsAThread() throws Exception {
		String first = TestPeople.uniqueName("avec").toLowerCase();
		String later = TestPeople.uniqueName("ensuite").toLowerCase();
		Posting.as(this.mvc, this.session, "A #" + this.tag + " #" + first);
		assertThat(section(fresh("/tag/" + this.tag), "Often found with this tag")).contains("#" + first);
		long hits = this.relatedTags.hits();

		assertThat(section(fresh("/tag/" + this.tag), "Often found with this tag")).contains("#" + first);
		assertThat(this.relatedTags.hits()).isEqualTo(hits + 1);

		Posting.as(this.mvc, this.session, "B #" + this.tag + " #" + later);
		assertThat(section(fresh("/tag/" + this.tag), "Often found with this tag")).contains("#" + first, "#" + later);
	}

	@Test
	void shouldRenderTheSidePanelOnceAndAgainWhenWhatItShowsChanges() throws Exception {
		String child = this.tag + "/enfant";
		Posting.as(this.mvc, this.session, "Racine #" + this.tag);
		Posting.as(this.mvc, this.session, "Branche #" + child);
		long rendered = this.asides.misses();
		assertThat(section(fresh("/tag/" + this.tag), "Below this tag")).contains("enfant", "one thread");
		assertThat(this.asides.misses()).isEqualTo(rendered + 1);
		long hits = this.asides.hits();

		assertThat(section(fresh("/tag/" + this.tag), "Below this tag")).contains("enfant", "one thread");
		assertThat(this.asides.hits()).as("served from memory").isEqualTo(hits + 1);
		assertThat(this.asides.misses()).isEqualTo(rendered + 1);

		Posting.as(this.mvc, this.session, "Autre branche #" + child);
		assertThat(section(fresh("/tag/" + this.tag), "Below this tag")).contains("enfant", "2 threads");
		assertThat(this.asides.misses()).as("rendered again for the new count").isEqualTo(rendered + 2);
	}

	/** A page rendered now, not served from the page cache. */
	private String fresh(String path) throws Exception {
		return Posting.fresh(this.mvc, null, path);
	}

	@Test
	void shouldListTheTagIndexMostUsedFirstAndFilterItByPrefix() throws Exception {
		String busy = this.tag + "occupe";
		String quiet = this.tag + "calme";
		for (int i = 0; i < 3; i++) {
			Posting.as(this.mvc, this.session, "Occupé " + i + " #" + busy);
		}
		Posting.as(this.mvc, this.session, "Calme #" + quiet);

		String filtered = page("/tags?q=" + this.tag.toUpperCase());
		assertThat(filtered).contains("#" + busy, "3 threads", "#" + quiet);
		assertThat(filtered.indexOf(busy)).isLessThan(filtered.indexOf(quiet));
		assertThat(this.mvc.perform(get("/tags").param("q", "#" + this.tag + "c")).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString()).contains("#" + quiet).doesNotContain("#" + busy);
		assertThat(page("/tags")).contains("Most used", "Trending in the last seven days");
	}

	@Test
	void shouldPageTheTagIndexByKeysetMostUsedFirst() throws Exception {
		// Enough tags for two pages of the index, whatever other tests left in the database.
		for (int message = 0; message < 3; message++) {
			StringBuilder text = new StringBuilder("Beaucoup de thèmes " + message);
			for (int i = 0; i < 40; i++) {
				text.append(" #").append(this.tag).append("n").append(message).append('x').append(i);
			}
			Posting.as(this.mvc, this.session, text.toString());
		}
		String first = page("/tags");
		java.util.regex.Matcher next = java.util.regex.Pattern.compile("href=\"/tags\\?before=([^\"]+)\"").matcher(first);
		assertThat(next.find()).isTrue();
		String second = page("/tags?before=" + next.group(1));

		java.util.List<String> firstKeys = keys(first);
		java.util.List<Integer> counts = new java.util.ArrayList<>(counts(first));
		counts.addAll(counts(second));
		assertThat(firstKeys).hasSize(TagIndexController.PAGE_SIZE).doesNotContainAnyElementsOf(keys(second));
		assertThat(counts).isSortedAccordingTo(java.util.Comparator.reverseOrder());
	}

	private static java.util.List<String> keys(String html) {
		java.util.List<String> keys = new java.util.ArrayList<>();
		java.util.regex.Matcher matcher = java.util.regex.Pattern.compile("<li>\\s*<a href=\"/tag/([^\"]+)\"").matcher(
				html.substring(html.indexOf("Most used")));
		while (matcher.find()) {
			keys.add(matcher.group(1));
		}
		return keys;
	}

	private static java.util.List<Integer> counts(String html) {
		java.util.List<Integer> counts = new java.util.ArrayList<>();
		java.util.regex.Matcher matcher = java.util.regex.Pattern.compile("class=\"count\">(one|[0-9,]+) thread").matcher(
				html.substring(html.indexOf("Most used")));
		while (matcher.find()) {
			counts.add(matcher.group(1).equals("one") ? 1 : Integer.parseInt(matcher.group(1).replace(",", "")));
		}
		return counts;
	}

	@Test
	void shouldShowTagsTrendingThisWeek() throws Exception {
		String hot = this.tag + "chaud";
		for (int i = 0; i < 40; i++) {
			Posting.as(this.mvc, this.session, "Actualité " + i + " #" + hot);
		}
		assertThat(section(page("/tags"), "Trending in the last seven days")).contains("#" + hot, "40 threads");
	}

	@Test
	void shouldAnswerBadTagUrlsWithClearPages() throws Exception {
		String longTag = "t".repeat(200);
		this.mvc.perform(get("/tag/" + longTag)).andExpect(status().isNotFound());
		this.mvc.perform(get("/tag/" + longTag + "*")).andExpect(status().isNotFound());
		this.mvc.perform(get("/tag/" + longTag + "/feed")).andExpect(status().isNotFound());
		this.mvc.perform(get("/tags").param("q", longTag)).andExpect(status().isOk());
		this.mvc.perform(get("/tags").param("q", "'%_\\:*&|!()")).andExpect(status().isOk());
		this.mvc.perform(get("/tags").param("before", "n'importe quoi")).andExpect(status().isBadRequest());
		Posting.as(this.mvc, this.session, "Là #" + this.tag);
		this.mvc.perform(get("/tag/" + this.tag).param("before", "12-x")).andExpect(status().isBadRequest());
	}

	@Test
	void shouldShowATagPageWithItsNeighboursInABoundedNumberOfQueries() throws Exception {
		Posting.as(this.mvc, this.session, "Un #" + this.tag + "/enfant #" + this.tag + " #autre");
		long statements = QueryCounting.statementsFor(this.mvc, "/tag/" + this.tag + "/enfant");
		assertThat(statements).isLessThanOrEqualTo(7);
	}

}
