package org.veille.transfer.format;

/**
 * An entry of an import file that does not become a message, and why. Reading goes on after it.
 *
 * @param line where the entry starts, from 1 (0 when unknown)
 * @param column where the entry starts, from 1 (0 when unknown)
 * @param reason why it is left out
 * @param detail what was found: the address, the field that is too long…
 */
public record SkippedBookmark(long line, long column, Reason reason, String detail) {

	/** Why an entry is left out. */
	public enum Reason {

		/** The entry has no address. */
		NO_ADDRESS("no web address"),
		/** The address is not an http or https one ({@code ftp:}, {@code file:}, {@code mailto:}, {@code //host}…). */
		NOT_A_WEB_ADDRESS("not an http or https address"),
		/** A browser's saved query or smart folder ({@code place:} in Firefox): a list, not a page. */
		BROWSER_QUERY("a browser's saved query (place:)"),
		/** A bookmarklet ({@code javascript:}): a script, not a page. */
		BOOKMARKLET("a bookmarklet (javascript:)"),
		/** A title, description, tag list, address or text longer than 65,536 characters. */
		TOO_LONG("too long"),
		/** Something that is not a bookmark where one was expected, a message without text, or an empty note. */
		NOT_A_BOOKMARK("not a bookmark"),
		/** A reply in a Seenthis export, left out unless {@link ImportOptions#includeReplies()}. */
		REPLY("a reply, left out"),
		/** A message by someone else that the person shared: not theirs to post. */
		SHARED("a message by someone else");

		private final String description;

		Reason(String description) {
			this.description = description;
		}

		/** A short English description, for logs; pages translate the reason instead. */
		public String description() {
			return this.description;
		}

	}

	/** {@code text} cut to 80 characters, for {@link #detail()}. */
	static String shorten(String text) {
		String stripped = text.strip();
		return (stripped.length() > 80) ? stripped.substring(0, 80) + "\u2026" : stripped;
	}

	/** An English sentence for logs, such as {@code Line 12: not an http or https address (place:sort=8)}. */
	public String message() {
		String where = (this.line > 0) ? "Line " + this.line + ": " : "";
		return where + this.reason.description() + (this.detail.isEmpty() ? "" : " (" + this.detail + ")");
	}

}
