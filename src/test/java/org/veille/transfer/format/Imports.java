package org.veille.transfer.format;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Reads test files through {@link BookmarkImport} and keeps what comes out. */
final class Imports {

	static final String[] FIXTURES = { "firefox.html", "chromium.html", "pinboard.html", "shaarli.html",
			"shaarli-notes.html", "linkding.html", "odd-windows-1252.html", "pinboard.json", "seenthis-messages.xml",
			"seenthis-atom.xml" };

	private Imports() {
	}

	/** What a sink received. */
	record Result(ImportSummary summary, List<Bookmark> bookmarks, List<SkippedBookmark> skipped) {

		Bookmark bookmark(String url) {
			return this.bookmarks.stream()
				.filter((bookmark) -> url.equals(bookmark.url()))
				.findFirst()
				.orElseThrow(() -> new AssertionError("No bookmark " + url + " in " + this.bookmarks));
		}

		List<String> urls() {
			return this.bookmarks.stream().map(Bookmark::url).toList();
		}

	}

	static final class Collecting implements BookmarkSink {

		final List<Bookmark> bookmarks = new ArrayList<>();

		final List<SkippedBookmark> skipped = new ArrayList<>();

		@Override
		public void accept(Bookmark bookmark) {
			this.bookmarks.add(bookmark);
		}

		@Override
		public void skip(SkippedBookmark skipped) {
			this.skipped.add(skipped);
		}

	}

	static byte[] bytes(String name) {
		try (InputStream in = Imports.class.getResourceAsStream("/transfer/" + name)) {
			if (in == null) {
				throw new IllegalArgumentException("No fixture " + name);
			}
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static Result fixture(String name, ImportOptions options) throws IOException, ImportFormatException {
		return read(bytes(name), options);
	}

	static Result fixture(String name) throws IOException, ImportFormatException {
		return fixture(name, ImportOptions.defaults());
	}

	static Result read(String text) throws IOException, ImportFormatException {
		return read(text.getBytes(StandardCharsets.UTF_8), ImportOptions.defaults());
	}

	static Result read(byte[] bytes, ImportOptions options) throws IOException, ImportFormatException {
		return read(new ByteArrayInputStream(bytes), options);
	}

	static Result read(InputStream in, ImportOptions options) throws IOException, ImportFormatException {
		Collecting sink = new Collecting();
		ImportSummary summary = BookmarkImport.read(in, options, sink);
		return new Result(summary, sink.bookmarks, sink.skipped);
	}

}
