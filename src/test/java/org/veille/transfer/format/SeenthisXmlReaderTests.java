package org.veille.transfer.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.tuple;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.veille.transfer.format.ImportFormatException.Problem;
import org.veille.transfer.format.SkippedBookmark.Reason;

class SeenthisXmlReaderTests {

	@Test
	void shouldReadMessagesKeepingTheirTextAndAddingListedTags() throws Exception {
		Imports.Result result = Imports.fixture("seenthis-messages.xml");

		assertThat(result.summary()).isEqualTo(new ImportSummary(BookmarkFormat.SEENTHIS_XML, 3, 2));
		Bookmark rivers = result.bookmarks().get(0);
		assertThat(rivers.text()).isEqualTo("""
				Rivers that change course
				https://geo.example.org/articles/meanders

				❝A meander migrates a few metres a year, faster after floods.❞

				Good maps in the middle of the article. #rivières #géographie

				#hydrologie""");
		assertThat(rivers.messageText()).isEqualTo(rivers.text());
		assertThat(rivers.url()).isEqualTo("https://geo.example.org/articles/meanders");
		assertThat(rivers.title()).isEqualTo("Rivers that change course");
		assertThat(rivers.tags()).containsExactly("rivières", "géographie", "hydrologie");
		assertThat(rivers.addedAt()).isEqualTo(Instant.parse("2012-03-08T09:15:00Z"));
		assertThat(rivers.sourceId()).isNull();
		assertThat(rivers.description()).isNull();
	}

	@Test
	void shouldKeepMultilingualTagsMessagesWithoutLinksAndTheirIds() throws Exception {
		Imports.Result result = Imports.fixture("seenthis-messages.xml");

		Bookmark library = result.bookmarks().get(1);
		assertThat(library.url()).isNull();
		assertThat(library.sourceId()).isEqualTo("41");
		assertThat(library.tags()).containsExactly("[fr]bibliothèque[en]library");
		assertThat(library.addedAt()).isEqualTo(Instant.parse("2013-11-02T17:40:00Z"));
	}

	@Test
	void shouldReadCdataSplitAroundItsEndMarkerAndFindTheLinkInTheText() throws Exception {
		Imports.Result result = Imports.fixture("seenthis-messages.xml");

		Bookmark code = result.bookmarks().get(2);
		assertThat(code.text()).contains("Watch out for ]]> in CDATA sections.").endsWith("#snippets");
		assertThat(code.url()).isEqualTo("https://code.example.org/snippets/77");
		assertThat(code.tags()).containsExactly("python", "snippets");
	}

	@Test
	void shouldLeaveOutSharesAndRepliesUnlessAsked() throws Exception {
		Imports.Result result = Imports.fixture("seenthis-messages.xml");
		Imports.Result withReplies = Imports.fixture("seenthis-messages.xml", ImportOptions.defaults().withReplies(true));

		assertThat(result.skipped()).extracting(SkippedBookmark::reason, SkippedBookmark::detail)
			.containsExactly(tuple(Reason.REPLY, "42"), tuple(Reason.SHARED, "77"));
		assertThat(withReplies.bookmarks()).extracting(Bookmark::sourceId).containsExactly(null, "41", "42", "43");
		assertThat(withReplies.skipped()).extracting(SkippedBookmark::reason).containsExactly(Reason.SHARED);
	}

	@Test
	void shouldReadAtomEntriesOfTheSeenthisApi() throws Exception {
		Imports.Result result = Imports.fixture("seenthis-atom.xml");

		assertThat(result.summary()).isEqualTo(new ImportSummary(BookmarkFormat.SEENTHIS_XML, 1, 1));
		Bookmark night = result.bookmarks().get(0);
		assertThat(night.url()).isEqualTo("https://culture.example.fr/dossiers/bibliotheques-de-nuit");
		assertThat(night.title()).isEqualTo("Les bibliothèques de nuit");
		assertThat(night.tags()).containsExactly("bibliothèques", "nuit", "lecture");
		assertThat(night.text()).endsWith("#bibliothèques #nuit\n\n#lecture");
		assertThat(night.addedAt()).isEqualTo(Instant.parse("2015-05-30T21:05:00Z"));
		assertThat(night.sourceId()).isEqualTo("urn:uuid:6f1c2b9e-3d4a-4e8b-9a71-0c5d2e8f1a33");
		assertThat(result.skipped()).extracting(SkippedBookmark::reason).containsExactly(Reason.REPLY);
	}

	@Test
	void shouldReadTheDeclaredEncoding() throws Exception {
		byte[] latin1 = """
				<?xml version="1.0" encoding="ISO-8859-1"?>
				<messages><message id="1"><text>Un café à Orléans https://example.fr/ #café</text></message></messages>
				""".getBytes(StandardCharsets.ISO_8859_1);

		assertThat(Imports.read(latin1, ImportOptions.defaults()).bookmarks()).extracting(Bookmark::title)
			.containsExactly("Un café à Orléans https://example.fr/ café");
	}

	@Test
	void shouldSkipAMessageTooLongAndGoOn() throws Exception {
		String file = "<messages><message id=\"1\"><text>" + "word ".repeat(20_000) + "</text></message>"
				+ "<message id=\"2\"><text>Short https://example.org/</text></message></messages>";

		Imports.Result result = Imports.read(file);

		assertThat(result.bookmarks()).extracting(Bookmark::sourceId).containsExactly("2");
		assertThat(result.skipped()).extracting(SkippedBookmark::reason, SkippedBookmark::detail)
			.containsExactly(tuple(Reason.TOO_LONG, "text longer than 65536 characters"));
	}

	@Test
	void shouldRefuseAnExternalEntityWithoutReadingTheFile(@TempDir Path directory) throws Exception {
		Path secret = Files.writeString(directory.resolve("secret.txt"), "the secret");
		String file = "<?xml version=\"1.0\"?>\n<!DOCTYPE messages [<!ENTITY leak SYSTEM \"" + secret.toUri()
				+ "\">]>\n<messages><message><text>&leak; https://example.org/</text></message></messages>";
		Imports.Collecting sink = new Imports.Collecting();

		assertThatExceptionOfType(ImportFormatException.class)
			.isThrownBy(() -> BookmarkImport.read(new java.io.ByteArrayInputStream(file.getBytes(StandardCharsets.UTF_8)),
					ImportOptions.defaults(), sink))
			.satisfies((ex) -> {
				assertThat(ex.problem()).isEqualTo(Problem.FORBIDDEN);
				assertThat(ex.line()).isEqualTo(2);
				assertThat(ex.getMessage()).contains("document type declaration").doesNotContain("the secret");
			});
		assertThat(sink.bookmarks).isEmpty();
	}

	@Test
	void shouldRefuseAParameterEntityWithoutFetchingIt() throws Exception {
		AtomicInteger requests = new AtomicInteger();
		HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		server.createContext("/", (exchange) -> {
			requests.incrementAndGet();
			byte[] body = "<!ENTITY stolen \"fetched\">".getBytes(StandardCharsets.UTF_8);
			exchange.sendResponseHeaders(200, body.length);
			exchange.getResponseBody().write(body);
			exchange.close();
		});
		server.start();
		try {
			String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/evil.dtd";
			String file = "<?xml version=\"1.0\"?><!DOCTYPE messages [<!ENTITY % remote SYSTEM \"" + url
					+ "\"> %remote;]><messages><message><text>&stolen;</text></message></messages>";

			assertThatExceptionOfType(ImportFormatException.class).isThrownBy(() -> Imports.read(file))
				.satisfies((ex) -> assertThat(ex.problem()).isEqualTo(Problem.FORBIDDEN));
			// a parser that fetched the entity would have waited for this server's answer before going on
			assertThat(requests).hasValue(0);
		}
		finally {
			server.stop(0);
		}
	}

	@Test
	void shouldRefuseEntityExpansion() {
		String laughs = "<?xml version=\"1.0\"?><!DOCTYPE messages [<!ENTITY a \"ha\"><!ENTITY b \"&a;&a;&a;&a;&a;\">"
				+ "<!ENTITY c \"&b;&b;&b;&b;&b;\">]><messages><message><text>&c;</text></message></messages>";

		assertThatExceptionOfType(ImportFormatException.class).isThrownBy(() -> Imports.read(laughs))
			.satisfies((ex) -> assertThat(ex.problem()).isEqualTo(Problem.FORBIDDEN));
	}

	@Test
	void shouldRefuseAFileCutInsideAnElement() {
		String file = "<?xml version=\"1.0\"?>\n<messages>\n<message id=\"1\">\n<text><![CDATA[Hello https://exa";

		assertThatExceptionOfType(ImportFormatException.class).isThrownBy(() -> Imports.read(file))
			.satisfies((ex) -> {
				assertThat(ex.problem()).isEqualTo(Problem.TRUNCATED);
				assertThat(ex.detail()).isEqualTo("the file ends inside <text> opened at line 4: it was cut short");
				assertThat(ex.line()).isEqualTo(4);
			});
	}

	@Test
	void shouldRefuseAFileCutInsideATagOrAnAttribute() {
		for (String cut : new String[] { "<messages>\n<message id=\"1\"><text>Hi</text></message>\n<mess",
				"<messages>\n<message id=\"1", "<messages>\n<message id=\"1\"><text>Hi</text></message>\n</messa" }) {
			assertThatExceptionOfType(ImportFormatException.class).as(cut).isThrownBy(() -> Imports.read(cut))
				.satisfies((ex) -> assertThat(ex.problem()).isEqualTo(Problem.TRUNCATED));
		}
	}

	@Test
	void shouldRefuseAFileCutBetweenMessages() {
		String file = "<messages>\n<message id=\"1\"><text>Hi</text></message>\n";

		assertThatExceptionOfType(ImportFormatException.class).isThrownBy(() -> Imports.read(file))
			.satisfies((ex) -> assertThat(ex.detail())
				.isEqualTo("the file ends inside <messages> opened at line 1: it was cut short"));
	}

	@Test
	void shouldRefuseMalformedXmlWithItsPosition() {
		String file = "<messages>\n<message id=\"1\"><text>Hi</txet></message>\n</messages>";

		assertThatExceptionOfType(ImportFormatException.class).isThrownBy(() -> Imports.read(file))
			.satisfies((ex) -> {
				assertThat(ex.problem()).isEqualTo(Problem.MALFORMED);
				assertThat(ex.line()).isEqualTo(2);
				assertThat(ex.detail()).startsWith("invalid XML: ").contains("text");
			});
	}

	@Test
	void shouldStopAtAGiantCdataSectionWithBoundedMemory() {
		GeneratedInput input = new GeneratedInput("<messages><message id=\"1\"><text><![CDATA[", '<', 25L << 20,
				"]]></text></message></messages>");

		assertThatExceptionOfType(ImportFormatException.class)
			.isThrownBy(() -> Imports.read(input, ImportOptions.defaults()))
			.satisfies((ex) -> assertThat(ex.problem()).as(ex.getMessage()).isEqualTo(Problem.TOO_LARGE));
		assertThat(input.bytesRead()).isLessThan(4L << 20);
	}

	@Test
	void shouldStopAtAGiantCommentWithBoundedMemory() {
		GeneratedInput input = new GeneratedInput("<messages><!-- ", '<', 25L << 20, " --></messages>");

		assertThatExceptionOfType(ImportFormatException.class)
			.isThrownBy(() -> Imports.read(input, ImportOptions.defaults()))
			.satisfies((ex) -> assertThat(ex.detail()).startsWith("more than 2097152 characters of a comment"));
		assertThat(input.bytesRead()).isLessThan(4L << 20);
	}

	@Test
	void shouldReadCommentsAndCdataWithMarkupInside() throws Exception {
		String file = "<messages><!-- <message> in a comment --><message id=\"1\"><text><![CDATA[<b>not markup</b>"
				+ " -- ]] > https://example.org/]]></text></message><!----></messages>";

		assertThat(Imports.read(file).bookmarks()).extracting(Bookmark::text)
			.containsExactly("<b>not markup</b> -- ]] > https://example.org/");
	}

}
