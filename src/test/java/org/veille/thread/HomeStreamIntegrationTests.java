package org.veille.thread;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import org.veille.support.IntegrationTest;
import org.veille.support.Posting;
import org.veille.support.Social;
import org.veille.support.TestPeople;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The home stream of DESIGN §5: threads started or starred by me or people I follow, threads that
 * mention me, carry a tag I follow, cite a site I follow, or that I replied to; minus people I
 * block; newest activity first, by keyset pages.
 */
@IntegrationTest
class HomeStreamIntegrationTests {

	private static final Pattern NEXT = Pattern.compile("rel=\"next\" href=\"[^\"]*before=([^\"&]+)\"");

	@Autowired
	private MockMvc mvc;

	@Autowired
	private JdbcClient jdbc;

	@Test
	void shouldHoldEachKindOfThreadAndNoneFromABlockedPerson() throws Exception {
		String mine = TestPeople.uniqueName("reader");
		String followeeLogin = TestPeople.uniqueName("followee");
		String blockedLogin = TestPeople.uniqueName("blocked");
		MockHttpSession me = TestPeople.signUp(this.mvc, mine);
		MockHttpSession followee = TestPeople.signUp(this.mvc, followeeLogin);
		MockHttpSession stranger = TestPeople.signUp(this.mvc, TestPeople.uniqueName("stranger"));
		MockHttpSession blocked = TestPeople.signUp(this.mvc, blockedLogin);
		String tag = TestPeople.uniqueName("suivi").toLowerCase();
		String host = TestPeople.uniqueName("site").toLowerCase().replace('_', '-') + ".example";
		Social.follow(this.mvc, me, followeeLogin);
		Social.followSite(this.mvc, me, host + "/blog");

		long startedByMe = Posting.as(this.mvc, me, "Mon fil");
		long startedByFollowee = Posting.as(this.mvc, followee, "Le fil de quelqu’un que je suis");
		long starredByFollowee = Posting.as(this.mvc, stranger, "Partagé par quelqu’un que je suis");
		Social.star(this.mvc, followee, starredByFollowee);
		long starredByMe = Posting.as(this.mvc, stranger, "Partagé par moi");
		Social.star(this.mvc, me, starredByMe);
		long mentionsMe = Posting.as(this.mvc, stranger, "Bonjour @" + mine);
		long mentionsMeInAReply = Posting.as(this.mvc, stranger, "Une question");
		Posting.reply(this.mvc, stranger, mentionsMeInAReply, "Qu’en pense @" + mine + " ?");
		long tagged = Posting.as(this.mvc, stranger, "Un fil tagué #" + tag);
		Social.followTag(this.mvc, me, tag);
		long taggedByAReply = Posting.as(this.mvc, stranger, "Tagué plus tard");
		Posting.reply(this.mvc, stranger, taggedByAReply, "Ajout #" + tag);
		long citesSite = Posting.as(this.mvc, stranger, "Un billet\nhttps://www." + host + "/blog/2026/billet");
		long citesOtherPath = Posting.as(this.mvc, stranger, "Autre chose\nhttps://" + host + "/blogroll");
		long repliedTo = Posting.as(this.mvc, stranger, "Un fil auquel je réponds");
		Posting.reply(this.mvc, me, repliedTo, "Ma réponse");
		long unrelated = Posting.as(this.mvc, stranger, "Rien à voir");
		long blockedTagged = Posting.as(this.mvc, blocked, "Bloqué mais tagué #" + tag + " pour @" + mine);
		long blockedRepliedTo = Posting.as(this.mvc, blocked, "Bloqué, et j’y avais répondu");
		Posting.reply(this.mvc, me, blockedRepliedTo, "Avant le blocage");
		Social.block(this.mvc, me, blockedLogin);

		List<Long> stream = Posting.cardIds(Posting.page(this.mvc, me, "/"));

		assertThat(stream).containsExactly(repliedTo, citesSite, taggedByAReply, tagged, mentionsMeInAReply, mentionsMe,
				starredByMe, starredByFollowee, startedByFollowee, startedByMe);
		assertThat(stream).doesNotContain(citesOtherPath, unrelated, blockedTagged, blockedRepliedTo);
	}

	@Test
	void shouldPlaceAThreadStarredByAFolloweeAtTheTimeOfTheStar() throws Exception {
		String followeeLogin = TestPeople.uniqueName("sharer");
		MockHttpSession me = TestPeople.signUp(this.mvc, TestPeople.uniqueName("reader"));
		MockHttpSession followee = TestPeople.signUp(this.mvc, followeeLogin);
		MockHttpSession stranger = TestPeople.signUp(this.mvc, TestPeople.uniqueName("stranger"));
		Social.follow(this.mvc, me, followeeLogin);
		long old = Posting.as(this.mvc, stranger, "Un vieux fil retrouvé");
		long before = Posting.as(this.mvc, followee, "Écrit avant le partage");
		Social.star(this.mvc, followee, old);
		long after = Posting.as(this.mvc, followee, "Écrit après le partage");

		assertThat(Posting.cardIds(Posting.page(this.mvc, me, "/"))).containsExactly(after, old, before);
	}

	@Test
	void shouldWalkTheStreamByPagesNewestActivityFirst() throws Exception {
		String followeeLogin = TestPeople.uniqueName("prolific");
		MockHttpSession me = TestPeople.signUp(this.mvc, TestPeople.uniqueName("reader"));
		MockHttpSession followee = TestPeople.signUp(this.mvc, followeeLogin);
		Social.follow(this.mvc, me, followeeLogin);
		List<Long> posted = new ArrayList<>();
		for (int i = 0; i < 30; i++) {
			posted.add(Posting.as(this.mvc, followee, "Fil numéro " + i));
		}
		Posting.reply(this.mvc, followee, posted.get(0), "Le premier fil reprend vie");
		Collections.reverse(posted);
		posted.add(0, posted.remove(posted.size() - 1));

		String first = Posting.page(this.mvc, me, "/");
		String second = Posting.page(this.mvc, me, "/?before=" + next(first));

		List<Long> shown = new ArrayList<>(Posting.cardIds(first));
		assertThat(shown).hasSize(25);
		shown.addAll(Posting.cardIds(second));
		assertThat(shown).isEqualTo(posted);
		assertThat(NEXT.matcher(second).find()).isFalse();
	}

	/** Many sources, each newest entry its own thread: the merge reads only the sources that reach the page. */
	@Test
	void shouldMergeManyFolloweesStreamsInOrderAcrossPages() throws Exception {
		MockHttpSession me = TestPeople.signUp(this.mvc, TestPeople.uniqueName("manyfollows"));
		List<MockHttpSession> followees = followed(me, 30);
		List<Long> posted = new ArrayList<>();
		for (int round = 0; round < 2; round++) {
			for (int i = 0; i < followees.size(); i++) {
				posted.add(Posting.as(this.mvc, followees.get(i), "Tour " + round + ", personne " + i));
			}
		}
		Collections.reverse(posted);

		String first = Posting.page(this.mvc, me, "/");
		String second = Posting.page(this.mvc, me, "/?before=" + next(first));
		String third = Posting.page(this.mvc, me, "/?before=" + next(second));

		List<Long> shown = new ArrayList<>(Posting.cardIds(first));
		shown.addAll(Posting.cardIds(second));
		shown.addAll(Posting.cardIds(third));
		assertThat(shown).isEqualTo(posted);
	}

	/** Many sources whose newest entry is the same thread: a page of them holds one thread, so all are walked. */
	@Test
	void shouldFillThePageWhenManySourcesShareTheirNewestThread() throws Exception {
		MockHttpSession me = TestPeople.signUp(this.mvc, TestPeople.uniqueName("sharedstars"));
		List<MockHttpSession> followees = followed(me, 30);
		List<Long> posted = new ArrayList<>();
		for (int i = 0; i < followees.size(); i++) {
			posted.add(Posting.as(this.mvc, followees.get(i), "Fil de la personne " + i));
		}
		MockHttpSession outsider = TestPeople.signUp(this.mvc, TestPeople.uniqueName("starred"));
		long starred = Posting.as(this.mvc, outsider, "Le fil que tout le monde étoile");
		for (MockHttpSession followee : followees) {
			Social.star(this.mvc, followee, starred);
		}
		Collections.reverse(posted);

		List<Long> shown = Posting.cardIds(Posting.page(this.mvc, me, "/"));

		assertThat(shown).hasSize(25);
		assertThat(shown.get(0)).isEqualTo(starred);
		assertThat(shown.subList(1, 25)).isEqualTo(posted.subList(0, 24));
	}

	/**
	 * The same sources: their newest entries name 31 threads, a page and more once the one starred by all counts
	 * once, and they are the site's newest. The statement walks the site's newest entries and stops at the page:
	 * no probe of each source's newest entry, no walk of a source.
	 */
	@Test
	void shouldReadOnlyTheSiteNewestEntriesWhenTheyFillAPage() throws Exception {
		String login = TestPeople.uniqueName("onewalk");
		MockHttpSession me = TestPeople.signUp(this.mvc, login);
		postAndStarByFollowees(me, 30);

		List<String> scans = scansOfSources(login);

		assertThat(scans).as("scans of thread_sources run").hasSize(1);
		assertThat(scans.get(0)).contains("thread_sources_recent_idx");
	}

	/**
	 * The same sources, then a busy hour of a stranger's tagged posts: the site's newest entries, eight per source,
	 * hold none of the reader's. The statement then reads each source's newest entry and walks down to the floor
	 * only the sources that reach it, and the page is the one shown before.
	 */
	@Test
	void shouldProbeEachSourceWhenTheSiteNewestEntriesAreNotTheReaders() throws Exception {
		String login = TestPeople.uniqueName("quietwalk");
		MockHttpSession me = TestPeople.signUp(this.mvc, login);
		postAndStarByFollowees(me, 30);
		List<Long> before = Posting.cardIds(Posting.fresh(this.mvc, me, "/"));
		MockHttpSession stranger = TestPeople.signUp(this.mvc, TestPeople.uniqueName("busy"));
		String topic = TestPeople.uniqueName("sujet").toLowerCase();
		String tags = IntStream.range(0, 45).mapToObj((i) -> " #" + topic + i).collect(Collectors.joining());
		for (int i = 0; i < 13; i++) {
			Posting.as(this.mvc, stranger, "Billet " + i + tags);
		}

		List<String> scans = scansOfSources(login);

		assertThat(scans).as("scans of thread_sources run: the site's newest entries (64 sources: 512 of them, "
				+ "13 × 46 written since), the newest entry of each source, then the walk to the floor")
			.hasSize(3);
		assertThat(Posting.cardIds(Posting.fresh(this.mvc, me, "/"))).hasSize(25).isEqualTo(before);
	}

	/** Follows this many people, who each post a thread, then all star one thread of someone else's. */
	private void postAndStarByFollowees(MockHttpSession reader, int count) throws Exception {
		List<MockHttpSession> followees = followed(reader, count);
		for (int i = 0; i < followees.size(); i++) {
			Posting.as(this.mvc, followees.get(i), "Fil de la personne " + i);
		}
		long starred = Posting.as(this.mvc, TestPeople.signUp(this.mvc, TestPeople.uniqueName("starred")), "Étoilé");
		for (MockHttpSession followee : followees) {
			Social.star(this.mvc, followee, starred);
		}
	}

	/** The plan lines of the scans of {@code thread_sources} that ran for the first page of this reader's stream. */
	private List<String> scansOfSources(String login) {
		long reader = this.jdbc.sql("select id from accounts where login = :login").param("login", login)
			.query(Long.class)
			.single();
		return ExecutedScans.of(this.jdbc, "thread_sources", ThreadQueries.homeStatement(null),
				Map.of("me", reader, "limit", ThreadQueries.PAGE_SIZE + 1));
	}

	private List<MockHttpSession> followed(MockHttpSession follower, int count) throws Exception {
		List<MockHttpSession> sessions = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			String login = TestPeople.uniqueName("followee");
			sessions.add(TestPeople.signUp(this.mvc, login));
			Social.follow(this.mvc, follower, login);
		}
		return sessions;
	}

	private static String next(String html) {
		Matcher matcher = NEXT.matcher(html);
		assertThat(matcher.find()).as("a link to the next page").isTrue();
		return matcher.group(1);
	}

}
