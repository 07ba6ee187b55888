package org.veille.transfer.format;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.jsoup.parser.Parser;
import org.jspecify.annotations.Nullable;
import org.veille.transfer.format.ImportFormatException.Problem;

/**
 * Cuts HTML into start tags, end tags and text, front to back, in linear time and bounded memory: text comes in
 * chunks, only the attributes asked for are kept (each up to {@link Limits#MAX_FIELD_CHARS}, so a large
 * {@code ICON} costs nothing), and a tag or a run of text longer than {@link Limits#MAX_RUN_CHARS} stops the
 * reading. Comments, declarations ({@code <!DOCTYPE>}) and processing instructions are skipped. Text is returned
 * raw: entities are decoded by whoever assembles it ({@link #decode(String)}), since a chunk may end inside one.
 *
 * <p>jsoup's {@code StreamParser} was tried in its place (issue 12) and not kept: it builds each element whole
 * before handing it over, so a 25 MiB title or a never-closed tag is read to the end before anything can stop it,
 * a 2 MB {@code ICON} is held whole; and it repairs a file cut short without saying where it was cut.
 */
final class HtmlTokenizer {

	enum Kind {

		START_TAG, END_TAG, TEXT, END

	}

	private static final int TEXT_CHUNK = 8192;

	private static final int MAX_NAME = 32;

	private final TextInput in;

	private final Set<String> keptAttributes;

	private final StringBuilder name = new StringBuilder();

	private final Map<String, FieldBuffer> attributes = new HashMap<>();

	private final StringBuilder text = new StringBuilder(TEXT_CHUNK);

	private long textRun;

	private long textRunLine;

	private long line;

	private long column;

	/** @param keptAttributes the upper-case names of the attributes to keep */
	HtmlTokenizer(TextInput in, Set<String> keptAttributes) {
		this.in = in;
		this.keptAttributes = keptAttributes;
	}

	/** Entities decoded as in HTML text ({@code &amp;}, {@code &#39;}, {@code &eacute;}…). */
	static String decode(String raw) {
		return (raw.indexOf('&') < 0) ? raw : Parser.unescapeEntities(raw, false);
	}

	/** Reads the next token. */
	Kind next() throws IOException, ImportFormatException {
		this.text.setLength(0);
		this.attributes.clear();
		this.name.setLength(0);
		while (true) {
			this.line = this.in.line();
			this.column = this.in.column();
			int c = this.in.peek();
			if (c < 0) {
				return Kind.END;
			}
			if (c != '<') {
				return readText();
			}
			this.in.read();
			int next = this.in.peek();
			if (isAsciiLetter(next)) {
				startTag();
				return Kind.START_TAG;
			}
			if (next == '/') {
				this.in.read();
				if (isAsciiLetter(this.in.peek())) {
					endTag();
					return Kind.END_TAG;
				}
				this.text.append("</");
				return readText();
			}
			if (next == '!') {
				this.in.read();
				declarationOrComment();
			}
			else if (next == '?') {
				this.in.read();
				skipPast('>', "a processing instruction (<?\u2026>)");
			}
			else {
				this.text.append('<');
				return readText();
			}
		}
	}

	/** The upper-case name of the tag just read. */
	String name() {
		return this.name.toString();
	}

	/** The value of a kept attribute of the start tag just read, entities decoded; null if absent. */
	@Nullable String attribute(String upperCaseName) {
		FieldBuffer value = this.attributes.get(upperCaseName);
		return (value == null || value.isTooLong()) ? null : Parser.unescapeEntities(value.toString(), true);
	}

	/** Whether a kept attribute of the start tag just read was longer than {@link Limits#MAX_FIELD_CHARS}. */
	boolean isTooLong(String upperCaseName) {
		FieldBuffer value = this.attributes.get(upperCaseName);
		return value != null && value.isTooLong();
	}

	/** The raw text just read (entities not decoded). */
	CharSequence text() {
		return this.text;
	}

	/** The line where the token just read starts. */
	long line() {
		return this.line;
	}

	/** The column where the token just read starts. */
	long column() {
		return this.column;
	}

	private Kind readText() throws IOException, ImportFormatException {
		if (this.textRun == 0) {
			this.textRunLine = this.line;
		}
		this.in.readUntil('<', this.text, TEXT_CHUNK);
		this.textRun += this.text.length();
		if (this.textRun > Limits.MAX_RUN_CHARS) {
			throw ImportFormatException.at(Problem.TOO_LARGE,
					"more than " + Limits.MAX_RUN_CHARS + " characters of text without any tag since line "
							+ this.textRunLine + ": no bookmark file holds a title or description that long",
					this.in.line(), this.in.column());
		}
		return Kind.TEXT;
	}

	private void startTag() throws IOException, ImportFormatException {
		this.textRun = 0;
		long tagLength = readName();
		while (true) {
			tagLength += skipBlanks();
			int c = this.in.read();
			tagLength++;
			checkTagLength(tagLength);
			if (c < 0) {
				throw truncated("inside the <" + name() + "> tag started at line " + this.line + ", column " + this.column
						+ "; expected '>'");
			}
			if (c == '>') {
				return;
			}
			if (c == '/') {
				continue;
			}
			tagLength += attribute((char) c, tagLength);
		}
	}

	/** Reads an attribute whose name starts with {@code first}; returns how many characters it took. */
	private long attribute(char first, long tagLength) throws IOException, ImportFormatException {
		StringBuilder attributeName = new StringBuilder().append(Character.toUpperCase(first));
		long length = 0;
		int c = this.in.peek();
		while (c >= 0 && !isBlank(c) && c != '=' && c != '>' && c != '/') {
			char next = (char) this.in.read();
			if (attributeName.length() < MAX_NAME) {
				attributeName.append(Character.toUpperCase(next));
			}
			length++;
			checkTagLength(tagLength + length);
			c = this.in.peek();
		}
		length += skipBlanks();
		if (this.in.peek() != '=') {
			keep(attributeName.toString());
			return length;
		}
		this.in.read();
		length += 1 + skipBlanks();
		FieldBuffer value = keep(attributeName.toString());
		int quote = this.in.peek();
		if (quote == '"' || quote == '\'') {
			this.in.read();
			length++;
			while (true) {
				c = this.in.read();
				length++;
				checkTagLength(tagLength + length);
				if (c < 0) {
					throw truncated("inside the value of the " + attributeName + " attribute of the <" + name()
							+ "> tag started at line " + this.line + ", column " + this.column + "; expected the closing "
							+ (char) quote);
				}
				if (c == quote) {
					return length;
				}
				if (value != null) {
					value.append((char) c);
				}
			}
		}
		c = this.in.peek();
		while (c >= 0 && !isBlank(c) && c != '>') {
			char next = (char) this.in.read();
			if (value != null) {
				value.append(next);
			}
			length++;
			checkTagLength(tagLength + length);
			c = this.in.peek();
		}
		return length;
	}

	/** The buffer of a kept attribute seen for the first time, else null (HTML keeps the first of duplicates). */
	private @Nullable FieldBuffer keep(String attributeName) {
		if (!this.keptAttributes.contains(attributeName) || this.attributes.containsKey(attributeName)) {
			return null;
		}
		FieldBuffer value = new FieldBuffer();
		this.attributes.put(attributeName, value);
		return value;
	}

	private void endTag() throws IOException, ImportFormatException {
		this.textRun = 0;
		long length = readName();
		while (true) {
			int c = this.in.read();
			length++;
			checkTagLength(length);
			if (c < 0) {
				throw truncated("inside the </" + name() + "> tag; expected '>'");
			}
			if (c == '>') {
				return;
			}
		}
	}

	private long readName() throws IOException {
		long length = 0;
		int c = this.in.peek();
		while (c >= 0 && (isAsciiLetter(c) || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == ':')) {
			char next = (char) this.in.read();
			if (this.name.length() < MAX_NAME) {
				this.name.append(Character.toUpperCase(next));
			}
			length++;
			c = this.in.peek();
		}
		return length;
	}

	private void declarationOrComment() throws IOException, ImportFormatException {
		this.textRun = 0;
		if (this.in.peek() == '-') {
			this.in.read();
			if (this.in.peek() == '-') {
				this.in.read();
				comment();
				return;
			}
		}
		skipPast('>', "a declaration (<!\u2026>)");
	}

	private void comment() throws IOException, ImportFormatException {
		long length = 0;
		int dashes = 0;
		while (true) {
			int c = this.in.read();
			if (c < 0) {
				throw truncated("inside a comment started at line " + this.line + ", column " + this.column
						+ "; expected '-->'");
			}
			if (c == '>' && dashes >= 2) {
				return;
			}
			dashes = (c == '-') ? dashes + 1 : 0;
			checkLength(++length, "a comment");
		}
	}

	private void skipPast(char end, String what) throws IOException, ImportFormatException {
		long length = 0;
		while (true) {
			int c = this.in.read();
			if (c < 0) {
				throw truncated("inside " + what + " started at line " + this.line + ", column " + this.column
						+ "; expected '" + end + "'");
			}
			if (c == end) {
				return;
			}
			checkLength(++length, what);
		}
	}

	private long skipBlanks() throws IOException {
		long length = 0;
		while (isBlank(this.in.peek())) {
			this.in.read();
			length++;
		}
		return length;
	}

	private void checkTagLength(long length) throws ImportFormatException {
		if (length > Limits.MAX_RUN_CHARS) {
			checkLength(length, "the <" + name() + "> tag");
		}
	}

	private void checkLength(long length, String what) throws ImportFormatException {
		if (length > Limits.MAX_RUN_CHARS) {
			throw ImportFormatException.at(Problem.TOO_LARGE,
					what + " started at line " + this.line + ", column " + this.column + " runs over "
							+ Limits.MAX_RUN_CHARS + " characters without closing",
					this.in.line(), this.in.column());
		}
	}

	private ImportFormatException truncated(String where) {
		return ImportFormatException.at(Problem.TRUNCATED, "the file ends " + where + ": it was cut short",
				this.in.line(), this.in.column());
	}

	private static boolean isAsciiLetter(int c) {
		return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
	}

	private static boolean isBlank(int c) {
		return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
	}

}
