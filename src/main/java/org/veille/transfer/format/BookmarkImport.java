package org.veille.transfer.format;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;

import org.veille.charset.CharsetSniffer;
import org.veille.transfer.format.ImportFormatException.Problem;

/**
 * Reads an import file, whatever its format, and hands its bookmarks one by one to a {@link BookmarkSink}. The file
 * is streamed: memory stays bounded whatever its size (see {@link Limits}), and the work is linear in its length.
 *
 * <p>
 * The first {@value FormatDetector#HEAD_BYTES} bytes decide the format ({@link FormatDetector}) and, for Netscape
 * files, the charset: a byte order mark, else the {@code <META HTTP-EQUIV="Content-Type" CONTENT="…;
 * charset=…">}, else UTF-8 if those bytes are valid UTF-8, else windows-1252. Bytes invalid in that charset further
 * on stop the import with a {@link Problem#ENCODING} error.
 *
 * <p>
 * Entries that cannot become messages are {@linkplain BookmarkSink#skip skipped} and the reading goes on; a file
 * that cannot be read at all throws an {@link ImportFormatException}, possibly after some bookmarks were handed
 * over, since a file cut short is only known at its end. To store nothing from a bad file, read it once with a sink
 * that only counts, then again to store.
 */
public final class BookmarkImport {

	private BookmarkImport() {
	}

	/**
	 * Reads {@code input} to its end, without closing it.
	 * @throws ImportFormatException when the file is empty, binary, of an unknown format, cut short, malformed or
	 * holds a run of text or a tag beyond all reason
	 * @throws IOException when reading {@code input} fails
	 */
	public static ImportSummary read(InputStream input, ImportOptions options, BookmarkSink sink)
			throws IOException, ImportFormatException {
		BufferedInputStream in = new BufferedInputStream(input, FormatDetector.HEAD_BYTES);
		in.mark(FormatDetector.HEAD_BYTES);
		byte[] head = in.readNBytes(FormatDetector.HEAD_BYTES);
		in.reset();
		BookmarkFormat format = FormatDetector.detect(head, head.length);
		boolean cut = head.length == FormatDetector.HEAD_BYTES;
		Counting counting = new Counting(sink);
		try {
			switch (format) {
				case NETSCAPE_HTML -> NetscapeReader.read(text(in, head, CharsetSniffer.ofHtml(head, head.length, null, cut)),
						options, counting);
				case PINBOARD_JSON -> PinboardJsonReader.read(in, counting);
				case SEENTHIS_XML -> SeenthisXmlReader.read(text(in, head, xmlCharset(head)), options, counting);
				default -> throw new IllegalStateException(format.name());
			}
		}
		catch (ImportFailure ex) {
			throw ex.failure();
		}
		return new ImportSummary(format, counting.bookmarks, counting.skipped);
	}

	private static TextInput text(BufferedInputStream in, byte[] head, Charset charset) throws IOException {
		CharsetSniffer.Bom bom = CharsetSniffer.Bom.of(head, head.length);
		if (bom != null) {
			in.skipNBytes(bom.length());
		}
		return new TextInput(in, charset);
	}

	private static Charset xmlCharset(byte[] head) throws ImportFormatException {
		Charset charset = TextCharsets.ofXml(head, head.length);
		if (charset == null) {
			throw ImportFormatException.at(Problem.ENCODING, "the XML declaration names an encoding Java does not know ("
					+ TextCharsets.declaredXmlEncoding(head, head.length) + ")", 1, 1);
		}
		return charset;
	}

	/** Counts what passes, for the summary. */
	private static final class Counting implements BookmarkSink {

		private final BookmarkSink sink;

		long bookmarks;

		long skipped;

		Counting(BookmarkSink sink) {
			this.sink = sink;
		}

		@Override
		public void accept(Bookmark bookmark) {
			this.bookmarks++;
			this.sink.accept(bookmark);
		}

		@Override
		public void skip(SkippedBookmark skipped) {
			this.skipped++;
			this.sink.skip(skipped);
		}

	}

}
