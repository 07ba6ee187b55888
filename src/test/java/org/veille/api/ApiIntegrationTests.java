package org.veille.api;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.rometools.rome.feed.atom.Category;
import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.io.WireFeedInput;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import org.veille.database.Timestamps;
import org.veille.support.IntegrationTest;
import org.veille.support.Posting;
import org.veille.support.TestPeople;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

/**
 * The posting API (issue 6), driven with both kinds of credentials: HTTP Basic (login and
 * password) and a personal token made on the settings page (Authorization: Bearer).
 */
@IntegrationTest
class ApiIntegrationTests {

	private static final String ATOM = "application/atom+xml";

	private static final Pattern TOKEN = Pattern.compile("<code id=\"new-token\">(veille_[A-Za-z0-9_-]+)</code>");

	@Autowired
	private MockMvc mvc;

	@Autowired
	private JdbcClient jdbc;

	/** Someone who signs in to the API one way or the other. */
	record Client(String login, String authorization, MockHttpSession session) {

		MockHttpServletRequestBuilder sign(MockHttpServletRequestBuilder request) {
			return request.header("Authorization", this.authorization);
		}

	}

	static Stream<Arguments> schemes() {
		return Stream.of(Arguments.of("basic"), Arguments.of("bearer"));
	}

	private Client client(String scheme) throws Exception {
		String login = TestPeople.uniqueName("api");
		MockHttpSession session = TestPeople.signUp(this.mvc, login);
		if (scheme.equals("basic")) {
			String basic = Base64.getEncoder()
				.encodeToString((login + ":" + TestPeople.PASSWORD).getBytes(StandardCharsets.UTF_8));
			return new Client(login, "Basic " + basic, session);
		}
		return new Client(login, "Bearer " + newToken(session, "script"), session);
	}

	private String newToken(MockHttpSession session, String name) throws Exception {
		String page = this.mvc.perform(post("/settings/api/tokens").session(session).with(csrf()).param("name", name))
			.andReturn()
			.getResponse()
			.getContentAsString();
		Matcher matcher = TOKEN.matcher(page);
		assertThat(matcher.find()).as("new token shown on %s", page).isTrue();
		return matcher.group(1);
	}

	private static String entry(String innerXml) {
		return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<entry xmlns=\"http://www.w3.org/2005/Atom\""
				+ " xmlns:thr=\"http://purl.org/syndication/thread/1.0\">" + innerXml + "</entry>";
	}

	private static String summary(String text) {
		return "<summary>" + text.replace("&", "&amp;").replace("<", "&lt;") + "</summary>";
	}

	private MockHttpServletResponse send(Client client, MockHttpServletRequestBuilder request, String body)
			throws Exception {
		return this.mvc.perform(client.sign(request).contentType(ATOM).content(body.getBytes(StandardCharsets.UTF_8)))
			.andReturn()
			.getResponse();
	}

	private static Entry parseEntry(String xml) throws Exception {
		Feed feed = (Feed) new WireFeedInput().build(new StringReader(
				"<feed xmlns=\"http://www.w3.org/2005/Atom\"><id>x</id><title>x</title><updated>2026-01-01T00:00:00Z</updated>"
						+ xml.replaceFirst("^<\\?xml[^>]*\\?>", "") + "</feed>"));
		return feed.getEntries().get(0);
	}

	private static long idOf(MockHttpServletResponse response) throws Exception {
		String id = parseEntry(response.getContentAsString()).getId();
		assertThat(id).startsWith("message:");
		return Long.parseLong(id.substring("message:".length()));
	}

	@ParameterizedTest
	@MethodSource("schemes")
	void shouldPostAThreadAndReadItBackAsAnAtomEntry(String scheme) throws Exception {
		Client me = client(scheme);

		MockHttpServletResponse created = send(me, post("/api/messages"),
				entry(summary("Les méandres migrent\nhttps://geo.example.org/meandres\n#rivières #[fr]eau[en]water")));

		assertThat(created.getStatus()).isEqualTo(201);
		long id = idOf(created);
		assertThat(created.getHeader("Location")).endsWith("/api/messages/" + id);
		MockHttpServletResponse read = this.mvc.perform(get("/api/messages/" + id)).andReturn().getResponse();
		assertThat(read.getStatus()).isEqualTo(200);
		assertThat(read.getContentType()).startsWith(ATOM);
		Entry entry = parseEntry(read.getContentAsString());
		assertThat(entry.getSummary().getValue())
			.isEqualTo("Les méandres migrent\nhttps://geo.example.org/meandres\n#rivières #[fr]eau[en]water");
		assertThat(entry.getTitle()).isEqualTo("Les méandres migrent");
		assertThat(entry.getAuthors().get(0).getUri()).endsWith("/people/" + me.login());
		assertThat(entry.getOtherLinks()).anySatisfy((link) -> {
			assertThat(link.getRel()).isEqualTo("related");
			assertThat(link.getHref()).isEqualTo("https://geo.example.org/meandres");
		});
		assertThat(entry.getCategories()).anySatisfy((category) -> assertThat(category.getLabel()).isEqualTo("rivières"));
		assertThat(entry.getCategories()).as("a category per tag page: each language of a multilingual tag")
			.extracting(Category::getTerm)
			.containsExactly("rivieres", "eau", "water");
		assertThat(Posting.page(this.mvc, null, "/messages/" + id)).contains("Les méandres migrent");
	}

	@ParameterizedTest
	@MethodSource("schemes")
	void shouldReplyWithThreadingInReplyTo(String scheme) throws Exception {
		Client me = client(scheme);
		MockHttpSession other = TestPeople.signUp(this.mvc, TestPeople.uniqueName("thread"));
		long thread = Posting.as(this.mvc, other, "Un fil où répondre");

		MockHttpServletResponse reply = send(me, post("/api/messages"),
				entry("<thr:in-reply-to ref=\"message:" + thread + "\"/>" + summary("Ma réponse par API")));

		assertThat(reply.getStatus()).isEqualTo(201);
		long id = idOf(reply);
		assertThat(reply.getContentAsString()).contains("ref=\"message:" + thread + "\"");
		assertThat(Posting.page(this.mvc, null, "/messages/" + thread)).contains("Ma réponse par API", "id=\"m" + id + "\"");
	}

	@ParameterizedTest
	@MethodSource("schemes")
	void shouldCreateOnceWhenTheSameUuidIsSentTwice(String scheme) throws Exception {
		Client me = client(scheme);
		String uuid = UUID.randomUUID().toString();
		String body = entry("<id>uuid:" + uuid + "</id>" + summary("Envoyé deux fois, gardé une fois " + uuid));

		MockHttpServletResponse first = send(me, post("/api/messages"), body);
		MockHttpServletResponse second = send(me, post("/api/messages"), body);

		assertThat(first.getStatus()).isEqualTo(201);
		assertThat(second.getStatus()).isEqualTo(200);
		assertThat(idOf(second)).isEqualTo(idOf(first));
		long stored = this.jdbc.sql("select count(*) from messages where uuid = cast(:uuid as uuid)")
			.param("uuid", uuid)
			.query(Long.class)
			.single();
		assertThat(stored).isEqualTo(1);
	}

	@ParameterizedTest
	@MethodSource("schemes")
	void shouldRefuseAUuidThatIsSomeoneElsesWithConflict(String scheme) throws Exception {
		Client me = client(scheme);
		Client other = client(scheme);
		String uuid = UUID.randomUUID().toString();
		send(other, post("/api/messages"), entry("<id>uuid:" + uuid + "</id>" + summary("Le premier")));

		MockHttpServletResponse conflict = send(me, post("/api/messages"),
				entry("<id>uuid:" + uuid + "</id>" + summary("Le second")));

		assertThat(conflict.getStatus()).isEqualTo(409);
		assertThat(conflict.getContentType()).startsWith("text/plain");
		assertThat(conflict.getContentAsString()).contains("another person");
	}

	@ParameterizedTest
	@MethodSource("schemes")
	void shouldUpdateByMessageIdWithPostAndPut(String scheme) throws Exception {
		Client me = client(scheme);
		long id = idOf(send(me, post("/api/messages"), entry(summary("Première version"))));

		MockHttpServletResponse viaPost = send(me, post("/api/messages"),
				entry("<id>message:" + id + "</id>" + summary("Deuxième version")));
		MockHttpServletResponse viaPut = send(me, put("/api/messages"),
				entry("<id>message:" + id + "</id>" + summary("Troisième version #édité")));

		assertThat(viaPost.getStatus()).isEqualTo(200);
		assertThat(viaPut.getStatus()).isEqualTo(200);
		Entry entry = parseEntry(this.mvc.perform(get("/api/messages/" + id)).andReturn().getResponse().getContentAsString());
		assertThat(entry.getSummary().getValue()).isEqualTo("Troisième version #édité");
		assertThat(Posting.page(this.mvc, null, "/messages/" + id)).contains("Troisième version");
	}

	@ParameterizedTest
	@MethodSource("schemes")
	void shouldForbidChangingOrDeletingSomeoneElsesMessage(String scheme) throws Exception {
		Client me = client(scheme);
		MockHttpSession other = TestPeople.signUp(this.mvc, TestPeople.uniqueName("owner"));
		long theirs = Posting.as(this.mvc, other, "Pas à toi");

		MockHttpServletResponse putting = send(me, put("/api/messages"),
				entry("<id>message:" + theirs + "</id>" + summary("Je réécris")));
		MockHttpServletResponse deleting = this.mvc.perform(me.sign(delete("/api/messages/" + theirs)))
			.andReturn()
			.getResponse();

		assertThat(putting.getStatus()).isEqualTo(403);
		assertThat(putting.getContentType()).startsWith("text/plain");
		assertThat(deleting.getStatus()).isEqualTo(403);
		assertThat(Posting.page(this.mvc, null, "/messages/" + theirs)).contains("Pas à toi");
	}

	@ParameterizedTest
	@MethodSource("schemes")
	void shouldDeleteOnesOwnMessage(String scheme) throws Exception {
		Client me = client(scheme);
		long id = idOf(send(me, post("/api/messages"), entry(summary("Bientôt supprimé"))));

		int deleted = this.mvc.perform(me.sign(delete("/api/messages/" + id))).andReturn().getResponse().getStatus();

		assertThat(deleted).isEqualTo(204);
		assertThat(this.mvc.perform(get("/api/messages/" + id)).andReturn().getResponse().getStatus()).isEqualTo(404);
		assertThat(this.mvc.perform(me.sign(delete("/api/messages/" + id))).andReturn().getResponse().getStatus())
			.isEqualTo(404);
	}

	@ParameterizedTest
	@MethodSource("schemes")
	void shouldRefuseBadEntriesWithClearStatuses(String scheme) throws Exception {
		Client me = client(scheme);
		long before = messagesOf(me.login());

		MockHttpServletResponse notAtom = send(me, post("/api/messages"), "<rss version=\"2.0\"><channel/></rss>");
		MockHttpServletResponse notXml = send(me, post("/api/messages"), "Bonjour, ceci n'est pas du XML");
		MockHttpServletResponse empty = send(me, post("/api/messages"), entry("<summary>   </summary>"));
		MockHttpServletResponse doctype = send(me, post("/api/messages"), "<?xml version=\"1.0\"?>"
				+ "<!DOCTYPE entry [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
				+ "<entry xmlns=\"http://www.w3.org/2005/Atom\"><summary>&x;</summary></entry>");
		MockHttpServletResponse tooLong = send(me, post("/api/messages"), entry(summary("x".repeat(20_001))));
		MockHttpServletResponse wrongType = this.mvc
			.perform(me.sign(post("/api/messages")).contentType("application/json").content("{\"summary\":\"x\"}"))
			.andReturn()
			.getResponse();
		MockHttpServletResponse tooLarge = send(me, post("/api/messages"),
				entry(summary("y".repeat(ApiController.MAX_BODY_BYTES + 10))));
		MockHttpServletResponse putWithoutId = send(me, put("/api/messages"), entry(summary("Sans id")));

		assertThat(notAtom.getStatus()).isEqualTo(422);
		assertThat(notAtom.getContentAsString()).contains("Atom entry");
		assertThat(notXml.getStatus()).isEqualTo(422);
		assertThat(notXml.getContentAsString()).contains("not well-formed XML");
		assertThat(empty.getStatus()).isEqualTo(422);
		assertThat(empty.getContentAsString()).contains("no text");
		assertThat(doctype.getStatus()).isEqualTo(422);
		assertThat(doctype.getContentAsString()).doesNotContain("root:");
		assertThat(tooLong.getStatus()).isEqualTo(422);
		assertThat(tooLong.getContentAsString()).contains("20,000").doesNotContain("post.text");
		assertThat(wrongType.getStatus()).isEqualTo(415);
		assertThat(tooLarge.getStatus()).isEqualTo(413);
		assertThat(putWithoutId.getStatus()).isEqualTo(422);
		for (MockHttpServletResponse response : List.of(notAtom, notXml, empty, doctype, tooLong, wrongType, tooLarge,
				putWithoutId)) {
			assertThat(response.getContentType()).startsWith("text/plain");
		}
		assertThat(messagesOf(me.login())).isEqualTo(before);
	}

	@ParameterizedTest
	@MethodSource("schemes")
	void shouldAnswerNotFoundForMissingMessagesPeopleAndReplyTargets(String scheme) throws Exception {
		Client me = client(scheme);

		assertThat(status(get("/api/messages/999999999999"))).isEqualTo(404);
		assertThat(status(get("/api/messages/not-a-number"))).isEqualTo(404);
		assertThat(status(get("/api/people/nobody_" + UUID.randomUUID().toString().substring(0, 8) + "/messages")))
			.isEqualTo(404);
		assertThat(send(me, post("/api/messages"),
				entry("<thr:in-reply-to ref=\"message:999999999999\"/>" + summary("Réponse à rien"))).getStatus())
			.isEqualTo(404);
		assertThat(send(me, put("/api/messages"), entry("<id>message:999999999999</id>" + summary("Rien"))).getStatus())
			.isEqualTo(404);
	}

	@Test
	void shouldRefuseWritesWithoutOrWithWrongCredentials() throws Exception {
		String login = TestPeople.uniqueName("wrong");
		MockHttpSession session = TestPeople.signUp(this.mvc, login);
		String wrongPassword = "Basic " + Base64.getEncoder().encodeToString((login + ":nope").getBytes(StandardCharsets.UTF_8));

		MockHttpServletResponse anonymous = this.mvc
			.perform(post("/api/messages").contentType(ATOM).content(entry(summary("Anonyme"))))
			.andReturn()
			.getResponse();
		MockHttpServletResponse wrong = this.mvc
			.perform(post("/api/messages").header("Authorization", wrongPassword).contentType(ATOM).content(entry(summary("Faux"))))
			.andReturn()
			.getResponse();
		MockHttpServletResponse unknownToken = this.mvc
			.perform(post("/api/messages").header("Authorization", "Bearer veille_" + "A".repeat(43))
				.contentType(ATOM)
				.content(entry(summary("Faux jeton"))))
			.andReturn()
			.getResponse();
		MockHttpServletResponse withCookieOnly = this.mvc
			.perform(post("/api/messages").session(session).contentType(ATOM).content(entry(summary("Par cookie"))))
			.andReturn()
			.getResponse();

		assertThat(anonymous.getStatus()).isEqualTo(401);
		assertThat(anonymous.getHeader("WWW-Authenticate")).contains("Basic");
		assertThat(wrong.getStatus()).isEqualTo(401);
		assertThat(unknownToken.getStatus()).isEqualTo(401);
		assertThat(withCookieOnly.getStatus()).as("the API reads no session").isEqualTo(401);
		assertThat(messagesOf(login)).isZero();
	}

	@Test
	void shouldThrottleBasicGuessing() throws Exception {
		String login = TestPeople.uniqueName("guess");
		TestPeople.signUp(this.mvc, login);
		String wrong = "Basic " + Base64.getEncoder().encodeToString((login + ":nope").getBytes(StandardCharsets.UTF_8));
		String right = "Basic "
				+ Base64.getEncoder().encodeToString((login + ":" + TestPeople.PASSWORD).getBytes(StandardCharsets.UTF_8));
		for (int i = 0; i < 5; i++) {
			assertThat(this.mvc.perform(delete("/api/messages/1").header("Authorization", wrong).with((request) -> {
				request.setRemoteAddr("192.0.2.61");
				return request;
			})).andReturn().getResponse().getStatus()).isEqualTo(401);
		}

		MockHttpServletResponse throttled = this.mvc
			.perform(post("/api/messages").header("Authorization", right).contentType(ATOM).content(entry(summary("Trop tard"))).with((request) -> {
				request.setRemoteAddr("192.0.2.61");
				return request;
			}))
			.andReturn()
			.getResponse();

		assertThat(throttled.getStatus()).isEqualTo(429);
		assertThat(throttled.getHeader("Retry-After")).isNotBlank();
		assertThat(messagesOf(login)).isZero();
	}

	@Test
	void shouldStopAcceptingARevokedToken() throws Exception {
		String login = TestPeople.uniqueName("revoke");
		MockHttpSession session = TestPeople.signUp(this.mvc, login);
		String token = newToken(session, "éphémère");
		String page = Posting.page(this.mvc, session, "/settings/api");
		assertThat(page).contains("éphémère").doesNotContain(token);
		long tokenId = this.jdbc.sql("select t.id from api_tokens t join accounts a on a.id = t.account_id where a.login = :login")
			.param("login", login)
			.query(Long.class)
			.single();
		assertThat(this.mvc.perform(post("/api/messages").header("Authorization", "Bearer " + token).contentType(ATOM)
			.content(entry(summary("Avant révocation")))).andReturn().getResponse().getStatus()).isEqualTo(201);

		this.mvc.perform(post("/settings/api/tokens/" + tokenId + "/revoke").session(session).with(csrf()));

		assertThat(this.mvc.perform(post("/api/messages").header("Authorization", "Bearer " + token).contentType(ATOM)
			.content(entry(summary("Après révocation")))).andReturn().getResponse().getStatus()).isEqualTo(401);
		assertThat(messagesOf(login)).isEqualTo(1);
		assertThat(this.jdbc.sql("select count(*) from api_tokens where token_hash = sha256(convert_to(:token, 'UTF8'))")
			.param("token", token)
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void shouldStoreOnlyAHashOfTheToken() throws Exception {
		MockHttpSession session = TestPeople.signUp(this.mvc, TestPeople.uniqueName("hash"));
		String token = newToken(session, "hachage");

		long matching = this.jdbc.sql("select count(*) from api_tokens where token_hash = sha256(convert_to(:token, 'UTF8'))")
			.param("token", token)
			.query(Long.class)
			.single();
		long plain = this.jdbc.sql("select count(*) from api_tokens where position(convert_to(:token, 'UTF8') in token_hash) > 0")
			.param("token", token)
			.query(Long.class)
			.single();

		assertThat(matching).isEqualTo(1);
		assertThat(plain).isZero();
	}

	@ParameterizedTest
	@MethodSource("schemes")
	void shouldPageAPersonsMessagesByTwentyFiveWithRelNext(String scheme) throws Exception {
		Client me = client(scheme);
		for (int i = 1; i <= 27; i++) {
			assertThat(send(me, post("/api/messages"), entry(summary("Message numéro " + i))).getStatus()).isEqualTo(201);
		}

		Feed first = feed("/api/people/" + me.login() + "/messages");
		String next = first.getOtherLinks().stream().filter((link) -> "next".equals(link.getRel())).findFirst()
			.orElseThrow().getHref();
		Feed second = feed(next.substring(next.indexOf("/api/")));

		assertThat(first.getEntries()).hasSize(25);
		assertThat(first.getEntries().get(0).getSummary().getValue()).isEqualTo("Message numéro 27");
		assertThat(next).endsWith("/api/people/" + me.login() + "/messages/25");
		assertThat(second.getEntries()).extracting((entry) -> entry.getSummary().getValue())
			.containsExactly("Message numéro 2", "Message numéro 1");
		assertThat(second.getOtherLinks()).noneSatisfy((link) -> assertThat(link.getRel()).isEqualTo("next"));
		assertThat(status(get("/api/people/" + me.login() + "/messages/abc"))).isEqualTo(404);
	}

	@ParameterizedTest
	@MethodSource("schemes")
	void shouldListTheMessagesCitingAUrlByItsMd5(String scheme) throws Exception {
		Client me = client(scheme);
		String url = "https://md5.example.org/" + UUID.randomUUID();
		long first = idOf(send(me, post("/api/messages"), entry(summary("Cité une fois\n" + url))));
		long second = idOf(send(me, post("/api/messages"), entry(summary("Cité deux fois\n" + url))));
		String md5 = HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(url.getBytes(StandardCharsets.UTF_8)));

		MockHttpServletResponse response = this.mvc.perform(get("/api/url/" + md5)).andReturn().getResponse();

		assertThat(response.getStatus()).isEqualTo(200);
		assertThat(response.getContentType()).startsWith("application/json");
		assertThat(response.getContentAsString()).isEqualTo("{\"md5\":\"" + md5 + "\",\"messages\":[" + first + "," + second + "]}");
		assertThat(this.mvc.perform(get("/api/url/" + "0".repeat(32))).andReturn().getResponse().getContentAsString())
			.endsWith("\"messages\":[]}");
		MockHttpServletResponse asked = this.mvc.perform(get("/api/url/" + md5).accept(ATOM)).andReturn().getResponse();
		assertThat(asked.getStatus()).as("JSON whatever the client accepts").isEqualTo(200);
		assertThat(asked.getContentType()).startsWith("application/json");
		assertThat(status(get("/api/url/not-an-md5"))).isEqualTo(404);
	}

	@Test
	void shouldWriteTimesToTheMillisecondAsTheFeedsDo() throws Exception {
		Client me = client("bearer");
		long id = idOf(send(me, post("/api/messages"), entry(summary("Daté à la microseconde"))));
		this.jdbc.sql("update messages set created_at = :created, updated_at = :updated where id = :id")
			.param("created", Timestamps.of(Instant.parse("2026-03-01T10:00:00.123456Z")))
			.param("updated", Timestamps.of(Instant.parse("2026-03-01T10:05:00.887490Z")))
			.param("id", id)
			.update();

		String entryXml = this.mvc.perform(get("/api/messages/" + id)).andReturn().getResponse().getContentAsString();
		String feedXml = this.mvc.perform(get("/api/people/" + me.login() + "/messages"))
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(entryXml).contains("<published>2026-03-01T10:00:00.123Z</published>",
				"<updated>2026-03-01T10:05:00.887Z</updated>");
		Entry entry = parseEntry(entryXml);
		assertThat(entry.getPublished().toInstant()).isEqualTo(Instant.parse("2026-03-01T10:00:00.123Z"));
		assertThat(entry.getUpdated().toInstant()).isEqualTo(Instant.parse("2026-03-01T10:05:00.887Z"));
		Feed feed = (Feed) new WireFeedInput().build(new StringReader(feedXml));
		assertThat(feed.getUpdated().toInstant()).isEqualTo(Instant.parse("2026-03-01T10:05:00.887Z"));
		assertThat(feed.getEntries().get(0).getUpdated().toInstant()).isEqualTo(Instant.parse("2026-03-01T10:05:00.887Z"));
	}

	private Feed feed(String path) throws Exception {
		MockHttpServletResponse response = this.mvc.perform(get(path)).andReturn().getResponse();
		assertThat(response.getStatus()).as(path).isEqualTo(200);
		return (Feed) new WireFeedInput().build(new StringReader(response.getContentAsString()));
	}

	private int status(MockHttpServletRequestBuilder request) throws Exception {
		return this.mvc.perform(request).andReturn().getResponse().getStatus();
	}

	private long messagesOf(String login) {
		return this.jdbc.sql("select count(*) from messages m join accounts a on a.id = m.author_id where a.login = :login")
			.param("login", login)
			.query(Long.class)
			.single();
	}

}
