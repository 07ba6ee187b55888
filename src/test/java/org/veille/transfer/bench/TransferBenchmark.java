package org.veille.transfer.bench;

import java.io.BufferedInputStream;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;

import org.veille.markup.MarkupParser;
import org.veille.transfer.format.Bookmark;
import org.veille.transfer.format.BookmarkImport;
import org.veille.transfer.format.BookmarkSink;
import org.veille.transfer.format.ExportFormat;
import org.veille.transfer.format.ExportWriter;
import org.veille.transfer.format.ExportedMessage;
import org.veille.transfer.format.ImportFormatException;
import org.veille.transfer.format.ImportOptions;
import org.veille.transfer.format.SkippedBookmark;

/**
 * Times reading 100,000 bookmarks in each import format, turning each into its message text and parsing that as
 * the import will, and writing 100,000 messages in each export format. Not a test: run it by hand and copy the
 * figures into docs/transfer.md with the machine and the date.
 *
 * <pre>
 * ./mvnw -q -o test-compile dependency:build-classpath -Dmdep.outputFile=target/classpath.txt
 * java -cp "target/classes:target/test-classes:$(cat target/classpath.txt)" \
 *     org.veille.transfer.bench.TransferBenchmark [count]
 * </pre>
 */
public final class TransferBenchmark {

	private static final int ROUNDS = 5;

	private TransferBenchmark() {
	}

	public static void main(String[] arguments) throws Exception {
		int count = (arguments.length > 0) ? Integer.parseInt(arguments[0]) : 100_000;
		Path directory = Files.createTempDirectory("veille-transfer-bench");
		try {
			Path netscape = write(directory.resolve("bookmarks.html"), (out) -> netscape(out, count));
			Path json = write(directory.resolve("pinboard.json"), (out) -> pinboard(out, count));
			Path xml = write(directory.resolve("messages.xml"), (out) -> export(out, ExportFormat.SEENTHIS_XML, count));
			System.out.printf(Locale.ROOT, "%,d entries; Java %s; %d processors; max heap %d MiB%n", count,
					System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(),
					Runtime.getRuntime().maxMemory() >> 20);
			for (Path file : new Path[] { netscape, json, xml }) {
				timeImport(file);
			}
			for (ExportFormat format : ExportFormat.values()) {
				timeExport(format, count);
			}
		}
		finally {
			try (var files = Files.list(directory)) {
				for (Path file : files.toList()) {
					Files.delete(file);
				}
			}
			Files.delete(directory);
		}
	}

	private static void timeImport(Path file) throws IOException, ImportFormatException {
		long best = Long.MAX_VALUE;
		long bookmarks = 0;
		for (int round = 0; round < ROUNDS; round++) {
			Counting sink = new Counting();
			long start = System.nanoTime();
			try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
				BookmarkImport.read(in, ImportOptions.defaults().withReplies(true), sink);
			}
			best = Math.min(best, System.nanoTime() - start);
			bookmarks = sink.bookmarks;
		}
		System.out.printf(Locale.ROOT, "import %-16s %6.1f MiB  %,9d bookmarks  best of %d: %6d ms%n",
				file.getFileName(), Files.size(file) / 1048576.0, bookmarks, ROUNDS, best / 1_000_000);
	}

	private static void timeExport(ExportFormat format, int count) throws IOException {
		long best = Long.MAX_VALUE;
		for (int round = 0; round < ROUNDS; round++) {
			long start = System.nanoTime();
			export(Writer.nullWriter(), format, count);
			best = Math.min(best, System.nanoTime() - start);
		}
		System.out.printf(Locale.ROOT, "export %-16s %,9d messages  best of %d: %6d ms%n", format, count, ROUNDS,
				best / 1_000_000);
	}

	/** What the import does with each bookmark before storing it: its message text, parsed. */
	private static final class Counting implements BookmarkSink {

		long bookmarks;

		long characters;

		@Override
		public void accept(Bookmark bookmark) {
			this.bookmarks++;
			this.characters += MarkupParser.parse(bookmark.messageText()).text().length();
		}

		@Override
		public void skip(SkippedBookmark skipped) {
			throw new IllegalStateException(skipped.message());
		}

	}

	private interface Content {

		void writeTo(Writer out) throws IOException;

	}

	private static Path write(Path file, Content content) throws IOException {
		try (Writer out = new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8))) {
			content.writeTo(out);
		}
		return file;
	}

	private static void netscape(Writer out, int count) throws IOException {
		out.write("<!DOCTYPE NETSCAPE-Bookmark-file-1>\n<META HTTP-EQUIV=\"Content-Type\" CONTENT=\"text/html;"
				+ " charset=UTF-8\">\n<TITLE>Bookmarks</TITLE>\n<H1>Bookmarks</H1>\n<DL><p>\n");
		int perFolder = 500;
		for (int n = 0; n < count; n++) {
			if (n % perFolder == 0) {
				out.write((n > 0 ? "    </DL><p>\n" : "") + "    <DT><H3 ADD_DATE=\"1600000000\">Dossier n° " + (n / perFolder)
						+ "</H3>\n    <DL><p>\n");
			}
			out.write("        <DT><A HREF=\"https://site" + (n % 997) + ".example.org/articles/" + n
					+ "?ref=bench&amp;page=2\" ADD_DATE=\"" + (1_500_000_000L + n * 97L) + "\" PRIVATE=\"0\" TAGS=\"veille,tag"
					+ (n % 211) + ",sujet " + (n % 17) + "\">Article n° " + n + " &mdash; l&#39;été &amp; la mer</A>\n"
					+ "        <DD>Une description de l'article " + n + ", sur deux lignes,\navec une adresse https://ref.example.net/"
					+ n + " et un #dièse.\n");
		}
		out.write("    </DL><p>\n</DL><p>\n");
	}

	private static void pinboard(Writer out, int count) throws IOException {
		out.write("[");
		for (int n = 0; n < count; n++) {
			out.write((n > 0 ? ",\n" : "\n") + "{\"href\":\"https:\\/\\/site" + (n % 997) + ".example.org\\/articles\\/" + n
					+ "\",\"description\":\"Article n\\u00b0 " + n + " \\u2014 l'\\u00e9t\\u00e9\",\"extended\":\"Une"
					+ " description de l'article " + n + ".\\nSur deux lignes.\",\"meta\":\"0123456789abcdef0123456789abcdef\","
					+ "\"hash\":\"" + String.format(Locale.ROOT, "%032x", n) + "\",\"time\":\""
					+ Instant.ofEpochSecond(1_500_000_000L + n * 97L) + "\",\"shared\":\"yes\",\"toread\":\"no\","
					+ "\"tags\":\"veille tag" + (n % 211) + " sujet_" + (n % 17) + "\"}");
		}
		out.write("\n]\n");
	}

	private static void export(Writer out, ExportFormat format, int count) throws IOException {
		try (ExportWriter writer = format.open(out, "https://veille.example.org")) {
			for (int n = 0; n < count; n++) {
				writer.write(new ExportedMessage(n + 1, ExportedMessage.Kind.MESSAGE, null, "ana", "Ana Lopes",
						Instant.ofEpochSecond(1_500_000_000L + n * 97L),
						"Article n° " + n + " — l'été & la mer\nhttps://site" + (n % 997) + ".example.org/articles/" + n
								+ "\n\n❝Une citation de l'article " + n + ".❞\n\n#veille #tag" + (n % 211) + " #sujet_"
								+ (n % 17)));
			}
		}
	}

}
