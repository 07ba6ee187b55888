package org.veille.link;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.feed.atom.Link;
import com.rometools.rome.io.WireFeedInput;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import org.veille.link.ThumbnailerTests.Images;
import org.veille.link.fetch.LocalHttpServer;
import org.veille.outbound.AddressPolicy;
import org.veille.support.IntegrationTest;
import org.veille.support.Posting;
import org.veille.support.TestPeople;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Link cards on message pages, tag pages and feeds, thumbnails served by Veille, the poster's refetch, and the
 * bad pages and images a fetch must survive. Pages are served by a local server that a pool of workers fetches.
 */
@IntegrationTest
class LinkCardsIntegrationTests {

	private static final Duration WAIT = Duration.ofSeconds(20);

	@Autowired
	private MockMvc mvc;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private FetchQueue queue;

	@Autowired
	private LinkService links;

	private LocalHttpServer server;

	private FetchWorkers pool;

	private String unique;

	@BeforeEach
	void start() {
		this.server = LocalHttpServer.start();
		this.unique = TestPeople.uniqueName("c").replace('_', '-').toLowerCase();
		FetchProperties properties = FetchTesting.localProperties();
		this.pool = FetchTesting.pool(this.queue, FetchTesting.fetcher(properties, AddressPolicy.anyAddress(),
				Map.of("xn--caf-dma.test", "127.0.0.1")), properties);
		this.pool.start();
	}

	@AfterEach
	void stop() {
		this.pool.stop();
		this.server.close();
	}

	@Test
	void shouldShowTheFetchedCardWithAThumbnailServedByVeille() throws Exception {
		String image = path("preview.png");
		this.server.content(image, "image/png", Images.picture("png", 640, 320));
		String url = page("article", """
				<meta property="og:title" content="Rivers of the Amazon">
				<meta property="og:description" content="How the rivers move, told by those who live there.">
				<meta property="og:site_name" content="The River Review">
				<meta property="og:image" content="%s">
				""".formatted(image));
		String tag = this.unique.replace("-", "");
		long id = Posting.as(this.mvc, signUp(), "Rivers\n" + url + "\n#" + tag);

		LinkRow link = awaitFetched(url);

		assertThat(link.thumbnailId()).isNotNull();
		this.mvc.perform(get("/messages/" + id))
			.andExpect(content().string(containsString("Rivers of the Amazon")))
			.andExpect(content().string(containsString("How the rivers move, told by those who live there.")))
			.andExpect(content().string(containsString("The River Review")))
			.andExpect(content().string(containsString("src=\"/thumbnails/" + link.thumbnailId() + "\"")))
			.andExpect(content().string(not(containsString(image))));
		this.mvc.perform(get("/tag/" + tag)).andExpect(content().string(containsString("Rivers of the Amazon")));
		MvcResult thumbnail = this.mvc.perform(get("/thumbnails/" + link.thumbnailId()))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", "image/jpeg"))
			.andExpect(header().string("Cache-Control", containsString("immutable")))
			.andExpect(header().string("Cache-Control", containsString("max-age=31536000")))
			.andReturn();
		String etag = thumbnail.getResponse().getHeader("ETag");
		assertThat(etag).isNotBlank();
		this.mvc.perform(get("/thumbnails/" + link.thumbnailId()).header("If-None-Match", etag))
			.andExpect(status().isNotModified());
		this.mvc.perform(get("/thumbnails/999999999")).andExpect(status().isNotFound());
		this.mvc.perform(get("/thumbnails/abc")).andExpect(status().isBadRequest());
	}

	@Test
	void shouldTitleTheRelatedLinksOfFeedsWithTheFetchedTitle() throws Exception {
		String url = page("feed", "<title>A page with a title</title>");
		String tag = this.unique.replace("-", "");
		Posting.as(this.mvc, signUp(), "Fed\n" + url + "\n#" + tag);
		awaitFetched(url);

		String xml = this.mvc.perform(get("/tag/" + tag + "/feed")).andReturn().getResponse().getContentAsString();
		Feed feed = (Feed) new WireFeedInput().build(new StringReader(xml));
		List<Link> related = ((Entry) feed.getEntries().get(0)).getOtherLinks();

		assertThat(related).extracting(Link::getRel, Link::getHref, Link::getTitle)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("related", url, "A page with a title"));
	}

	@Test
	void shouldEscapeFetchedTextAndKeepItShort() throws Exception {
		String url = page("hostile", """
				<meta property="og:title" content="&lt;script&gt;alert('owned')&lt;/script&gt; %s">
				<meta name="description" content="%s">
				""".formatted("long ".repeat(2000), "words ".repeat(5000)));
		long id = Posting.as(this.mvc, signUp(), "Hostile\n" + url);

		LinkRow link = awaitFetched(url);

		assertThat(link.title()).startsWith("<script>").hasSizeLessThanOrEqualTo(300);
		assertThat(link.description()).hasSizeLessThanOrEqualTo(1000);
		this.mvc.perform(get("/messages/" + id))
			.andExpect(content().string(containsString("&lt;script&gt;alert(&#39;owned&#39;)&lt;/script&gt;")))
			.andExpect(content().string(not(containsString("<script>alert"))));
	}

	@Test
	void shouldRecordWhyAPreviewImageGaveNoThumbnail() throws Exception {
		String fake = path("fake.png");
		this.server.content(fake, "image/png", "<html>not an image</html>".getBytes(StandardCharsets.UTF_8));
		String bomb = path("bomb.png");
		this.server.content(bomb, "image/png", Images.pngHeader(30_000, 30_000));
		String html = path("page.html");
		this.server.content(html, "text/html", "<title>x</title>".getBytes(StandardCharsets.UTF_8));
		String withFake = page("with-fake", "<meta property=\"og:image\" content=\"" + fake + "\">");
		String withBomb = page("with-bomb", "<meta property=\"og:image\" content=\"" + bomb + "\">");
		String withHtml = page("with-html", "<meta property=\"og:image\" content=\"" + html + "\">");
		MockHttpSession poster = signUp();
		long id = Posting.as(this.mvc, poster, "Images\n" + withFake + "\n" + withBomb + "\n" + withHtml);

		assertThat(awaitFetched(withFake).thumbnailFailure()).isNotBlank();
		assertThat(awaitFetched(withBomb).thumbnailFailure()).contains("30000×30000");
		assertThat(awaitFetched(withHtml).thumbnailFailure()).startsWith("UNSUPPORTED_CONTENT_TYPE");
		assertThat(awaitFetched(withFake).thumbnailId()).isNull();
		this.mvc.perform(get("/messages/" + id).session(poster))
			.andExpect(content().string(containsString("No thumbnail: ")));
	}

	@Test
	void shouldLinkTheCardOfAShortenedLinkToWhereItLeads() throws Exception {
		String destination = page("destination", "<title>The long address</title>");
		String shortened = path("s");
		this.server.redirect(shortened, 301, path("hop"));
		this.server.redirect(path("hop"), 302, destination);
		String url = this.server.uri(shortened).toString();
		long id = Posting.as(this.mvc, signUp(), "Short\n" + url);

		assertThat(awaitFetched(url).title()).isEqualTo("The long address");
		this.mvc.perform(get("/messages/" + id))
			.andExpect(content().string(containsString("<a class=\"link-title\" href=\"" + destination + "\"")));
	}

	@Test
	void shouldRecordARedirectLoopAsTooManyRedirects() throws Exception {
		String loop = path("loop");
		this.server.redirect(loop, 302, loop);
		String url = this.server.uri(loop).toString();
		Posting.as(this.mvc, signUp(), "Loop\n" + url);

		await().atMost(WAIT).until(() -> LinkRow.of(this.jdbc, url).status().equals("failed"));
		assertThat(LinkRow.of(this.jdbc, url).failureReason()).isEqualTo("TOO_MANY_REDIRECTS");
	}

	@Test
	void shouldFetchAnInternationalizedHostAndListItUnderItsSite() throws Exception {
		String path = path("menu");
		this.server.content(path, "text/html", "<title>Le menu</title>".getBytes(StandardCharsets.UTF_8));
		String url = "http://café.test:" + this.server.port() + path;
		Posting.as(this.mvc, signUp(), "Café\n" + url);

		assertThat(awaitFetched(url).title()).isEqualTo("Le menu");
		this.mvc.perform(get("/sites/xn--caf-dma.test" + path))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("café.test")))
			.andExpect(content().string(containsString("<p class=\"site-page-title\">Le menu</p>")));
		this.mvc.perform(get("/sites/xn--caf-dma.test"))
			.andExpect(content().string(not(containsString("site-page-title"))));
	}

	@Test
	void shouldStoreNoLinkForANonHttpScheme() throws Exception {
		long id = Posting.as(this.mvc, signUp(), "Not the web\nftp://example.org/file and gopher://example.org/");

		assertThat(this.jdbc.sql("select count(*) from message_links where message_id = :id").param("id", id)
			.query(Integer.class).single()).isZero();
	}

	@Test
	void shouldLetOnlyThePosterAskForARefetch() throws Exception {
		String path = path("refetched");
		this.server.content(path, "text/html", "<title>First</title>".getBytes(StandardCharsets.UTF_8));
		String url = this.server.uri(path).toString();
		MockHttpSession poster = signUp();
		long id = Posting.as(this.mvc, poster, "Refetch\n" + url);
		awaitFetched(url);
		this.server.content(path, "text/html", "<title>Second</title>".getBytes(StandardCharsets.UTF_8));

		this.mvc.perform(post("/messages/" + id + "/refetch").session(signUp()).with(csrf()))
			.andExpect(status().isForbidden())
			.andExpect(content().string(containsString("Not allowed")));
		this.mvc.perform(post("/messages/" + id + "/refetch").with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/login"));
		this.mvc.perform(post("/messages/" + id + "/refetch").session(poster)).andExpect(status().isForbidden());
		this.mvc.perform(post("/messages/999999999/refetch").session(poster).with(csrf()))
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/messages/" + id).session(poster))
			.andExpect(content().string(containsString("/messages/" + id + "/refetch")));
		this.mvc.perform(get("/messages/" + id))
			.andExpect(content().string(not(containsString("/messages/" + id + "/refetch"))));
		assertThat(LinkRow.of(this.jdbc, url).title()).isEqualTo("First");

		this.mvc.perform(post("/messages/" + id + "/refetch").session(poster).with(csrf()))
			.andExpect(redirectedUrl("/messages/" + id))
			.andExpect(flash().attribute("notice", "link.refetch.queued"));

		await().atMost(WAIT).until(() -> "Second".equals(LinkRow.of(this.jdbc, url).title()));
	}

	@Test
	void shouldFindTheThreadsCitingAUrlHoweverItIsSpelled() throws Exception {
		String host = this.unique + ".example";
		long first = Posting.as(this.mvc, signUp(), "First\nhttps://www." + host + "/a/?b=2&a=1");
		long second = Posting.as(this.mvc, signUp(), "Second\nhttps://" + host.toUpperCase() + "/a?a=1&b=2&utm_source=x#c");

		List<LinkService.CitingThread> citing = this.links.threadsCiting("https://" + host + "/a?b=2&a=1");

		assertThat(citing).extracting(LinkService.CitingThread::id).containsExactly(second, first);
		assertThat(citing.get(0).path()).isEqualTo("/messages/" + second);
		assertThat(this.links.threadsCiting("https://" + host + "/other")).isEmpty();
		assertThat(this.links.threadsCiting("not a url")).isEmpty();
	}

	private String path(String name) {
		return "/" + this.unique + "/" + name;
	}

	/** Serves an HTML page with this head and returns its URL. */
	private String page(String name, String head) {
		String path = path(name);
		this.server.content(path, "text/html; charset=utf-8",
				("<!doctype html><html><head>" + head + "</head><body>Body</body></html>").getBytes(StandardCharsets.UTF_8));
		return this.server.uri(path).toString();
	}

	private LinkRow awaitFetched(String url) {
		await().atMost(WAIT).until(() -> LinkRow.of(this.jdbc, url).status().equals("fetched"));
		return LinkRow.of(this.jdbc, url);
	}

	private MockHttpSession signUp() throws Exception {
		return TestPeople.signUp(this.mvc, TestPeople.uniqueName("card"));
	}

}
