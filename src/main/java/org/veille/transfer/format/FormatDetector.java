package org.veille.transfer.format;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.veille.charset.CharsetSniffer;
import org.veille.transfer.format.ImportFormatException.Problem;

/**
 * Tells from the first bytes of a file which reader to use, or says clearly why the file cannot be imported: empty,
 * binary (NUL bytes; the signature of a ZIP, gzip, PNG, JPEG, GIF or PDF file, of an SQLite database such as
 * Firefox's {@code places.sqlite}, of a Firefox {@code .jsonlz4} backup), or text of another kind.
 */
public final class FormatDetector {

	/** How many bytes {@link BookmarkImport} looks at. */
	public static final int HEAD_BYTES = 64 * 1024;

	private static final Signature[] SIGNATURES = {
			new Signature("PK\u0003\u0004", "a ZIP archive: unzip it and import the bookmark file inside"),
			new Signature("PK\u0005\u0006", "an empty ZIP archive"),
			new Signature("\u001F\u008B", "a gzip-compressed file: decompress it and import the file inside"),
			new Signature("\u0089PNG", "a PNG image"), new Signature("\u00FF\u00D8\u00FF", "a JPEG image"),
			new Signature("GIF8", "a GIF image"), new Signature("%PDF", "a PDF document"),
			new Signature("SQLite format 3\u0000",
					"an SQLite database (such as Firefox's places.sqlite): export your bookmarks as HTML from the"
							+ " browser's bookmark manager instead"),
			new Signature("mozLz40\u0000",
					"a compressed Firefox backup (.jsonlz4): export your bookmarks as HTML from Firefox's Library"
							+ " window instead") };

	private static final Pattern ROOT_ELEMENT = Pattern.compile("<(?![!?/])([A-Za-z][\\w:.-]*)");

	private static final int CONTROL_SAMPLE = 512;

	private FormatDetector() {
	}

	private record Signature(String bytes, String description) {

		boolean matches(byte[] head, int length) {
			if (length < this.bytes.length()) {
				return false;
			}
			for (int i = 0; i < this.bytes.length(); i++) {
				if ((head[i] & 0xFF) != this.bytes.charAt(i)) {
					return false;
				}
			}
			return true;
		}

	}

	/** The format of a file whose first bytes (up to {@link #HEAD_BYTES}) are {@code head}. */
	public static BookmarkFormat detect(byte[] head) throws ImportFormatException {
		return detect(head, head.length);
	}

	/**
	 * The format of a file whose first {@code length} bytes are in {@code head}.
	 * @throws ImportFormatException when the file is empty, binary or of no format Veille reads
	 */
	public static BookmarkFormat detect(byte[] head, int length) throws ImportFormatException {
		if (length == 0) {
			throw ImportFormatException.of(Problem.EMPTY, "the file is empty");
		}
		for (Signature signature : SIGNATURES) {
			if (signature.matches(head, length)) {
				throw ImportFormatException.of(Problem.BINARY, "this is " + signature.description()
						+ ", not a bookmark file");
			}
		}
		String text = sample(head, length);
		int nul = text.indexOf('\u0000');
		if (nul >= 0) {
			throw ImportFormatException.of(Problem.BINARY,
					"NUL bytes (the first at byte " + nul + "): this is binary data, not a bookmark file");
		}
		String start = text.stripLeading();
		if (start.isEmpty()) {
			throw ImportFormatException.of(Problem.EMPTY, "the file holds only blank space");
		}
		if (isMostlyControlCharacters(start)) {
			throw ImportFormatException.of(Problem.BINARY, "control characters: this is binary data, not a bookmark file");
		}
		char first = start.charAt(0);
		if (first == '[' || first == '{') {
			return BookmarkFormat.PINBOARD_JSON;
		}
		if (first == '<') {
			return markup(start);
		}
		throw unknown("text that starts with \u00AB" + excerpt(start) + "\u00BB");
	}

	private static BookmarkFormat markup(String start) throws ImportFormatException {
		String lower = start.toLowerCase(Locale.ROOT);
		if (lower.contains("<!doctype netscape-bookmark-file")) {
			return BookmarkFormat.NETSCAPE_HTML;
		}
		Matcher root = ROOT_ELEMENT.matcher(start);
		String rootName = root.find() ? root.group(1) : "";
		String localName = rootName.substring(rootName.indexOf(':') + 1).toLowerCase(Locale.ROOT);
		switch (localName) {
			case "messages", "message", "feed" -> {
				return BookmarkFormat.SEENTHIS_XML;
			}
			case "rss", "rdf" -> throw unknown("an RSS feed, which lists a site's articles: it is not a bookmark export");
			default -> {
				// an HTML page or XML document of another kind
			}
		}
		if (lower.contains("<dt") && lower.contains("<a ") && lower.contains("href")) {
			return BookmarkFormat.NETSCAPE_HTML;
		}
		if (lower.startsWith("<?xml") && !rootName.isEmpty() && !localName.equals("html")) {
			throw unknown("an XML document whose root element is <" + rootName + ">, not a Seenthis export");
		}
		if (lower.startsWith("<?xml") && rootName.isEmpty()) {
			return BookmarkFormat.SEENTHIS_XML;
		}
		throw unknown("an HTML page without bookmarks (no <DT><A HREF=\u2026> entry near its top)");
	}

	private static ImportFormatException unknown(String what) {
		return ImportFormatException.of(Problem.UNKNOWN_FORMAT, "this is " + what
				+ "; Veille imports Netscape bookmark files (HTML), Pinboard JSON and Seenthis XML");
	}

	/**
	 * The first bytes as characters, enough to recognise markup: decoded with the charset of a byte order mark if
	 * any, else byte for byte.
	 */
	private static String sample(byte[] head, int length) {
		CharsetSniffer.Bom bom = CharsetSniffer.Bom.of(head, length);
		Charset charset = (bom != null) ? bom.charset() : StandardCharsets.ISO_8859_1;
		int offset = (bom != null) ? bom.length() : 0;
		return new String(head, offset, length - offset, charset);
	}

	private static boolean isMostlyControlCharacters(String text) {
		int sample = Math.min(text.length(), CONTROL_SAMPLE);
		int controls = 0;
		for (int i = 0; i < sample; i++) {
			char c = text.charAt(i);
			if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f') || c == 0x7F) {
				controls++;
			}
		}
		return controls * 10 > sample;
	}

	private static String excerpt(String text) {
		String line = text.lines().findFirst().orElse("").strip();
		return (line.length() > 40) ? line.substring(0, 40) + "\u2026" : line;
	}

}
