package org.veille.transfer.format;

/**
 * A file that cannot be imported at all: empty, binary, of an unknown format, cut short or malformed. The message
 * says where (line and column, when known) and what was expected there; {@link #problem()} lets a page choose a
 * translated explanation.
 */
public final class ImportFormatException extends Exception {

	private static final long serialVersionUID = 1L;

	/** What is wrong with the file as a whole. */
	public enum Problem {

		/** Nothing but blanks, or nothing at all. */
		EMPTY,
		/** Binary data: NUL bytes, or the signature of an archive, image, PDF or database. */
		BINARY,
		/** Text, but none of the formats Veille reads. */
		UNKNOWN_FORMAT,
		/** Bytes that are not valid in the file's character set, or a character set Java does not know. */
		ENCODING,
		/** The file ends in the middle of something: a tag, a string, an element, a folder. */
		TRUNCATED,
		/** Syntax the format does not allow. */
		MALFORMED,
		/** One tag, string or run of text far longer than any real bookmark file holds. */
		TOO_LARGE,
		/** A construct refused for safety, such as an XML document type declaration. */
		FORBIDDEN

	}

	private final Problem problem;

	private final String detail;

	private final long line;

	private final long column;

	/**
	 * @param line the line, from 1, or 0 when unknown
	 * @param column the column, from 1, or 0 when unknown
	 */
	ImportFormatException(Problem problem, String detail, long line, long column) {
		super(describe(detail, line, column));
		this.problem = problem;
		this.detail = detail;
		this.line = line;
		this.column = column;
	}

	static ImportFormatException at(Problem problem, String detail, long line, long column) {
		return new ImportFormatException(problem, detail, line, column);
	}

	static ImportFormatException of(Problem problem, String detail) {
		return new ImportFormatException(problem, detail, 0, 0);
	}

	public Problem problem() {
		return this.problem;
	}

	/** What is wrong and what was expected, without the position. */
	public String detail() {
		return this.detail;
	}

	/** The line where the problem was found, from 1; 0 when unknown. */
	public long line() {
		return this.line;
	}

	/** The column where the problem was found, from 1; 0 when unknown. */
	public long column() {
		return this.column;
	}

	private static String describe(String detail, long line, long column) {
		if (line <= 0) {
			return detail;
		}
		return (column > 0) ? "Line " + line + ", column " + column + ": " + detail : "Line " + line + ": " + detail;
	}

}
