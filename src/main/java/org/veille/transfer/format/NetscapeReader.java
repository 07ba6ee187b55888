package org.veille.transfer.format;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.veille.transfer.format.ImportFormatException.Problem;
import org.veille.transfer.format.SkippedBookmark.Reason;

/**
 * Reads a Netscape bookmark file as browsers and bookmarking services write it:
 *
 * <pre>
 * &lt;DL&gt;&lt;p&gt;
 *     &lt;DT&gt;&lt;H3 ADD_DATE="…"&gt;Folder&lt;/H3&gt;
 *     &lt;DL&gt;&lt;p&gt;
 *         &lt;DT&gt;&lt;A HREF="https://…" ADD_DATE="1700000000" PRIVATE="0" TAGS="a,b"&gt;Title&lt;/A&gt;
 *         &lt;DD&gt;Description, maybe on several lines
 *     &lt;/DL&gt;&lt;p&gt;
 * &lt;/DL&gt;&lt;p&gt;
 * </pre>
 *
 * Tag and attribute names in any case, closing {@code </DT>} and {@code </DD>} optional (Shaarli writes them, others
 * do not), {@code TAGS} comma-separated (Firefox, Delicious, Pinboard, Shaarli, linkding), {@code ADD_DATE} in
 * seconds, milliseconds or microseconds (see {@link Dates#ofEpoch}), else {@code LAST_MODIFIED}, else no date.
 * Folders ({@code <H3>} followed by a {@code <DL>}) become tags as {@link ImportOptions#folderTags()} says, except the
 * browsers' own roots (marked {@code PERSONAL_TOOLBAR_FOLDER} or {@code UNFILED_BOOKMARKS_FOLDER}). linkding's
 * {@code [linkding-notes]…[/linkding-notes]} become a paragraph of the description. {@code TOREAD}, {@code ICON} and
 * {@code SHORTCUTURL} are ignored. A bookmark whose address is relative ({@code ?Qm7fTw}, {@code /shaare/Qm7fTw}) is
 * a Shaarli note: it becomes a {@linkplain Bookmark#note note}, a message without a link.
 */
final class NetscapeReader {

	private static final Set<String> KEPT_ATTRIBUTES = Set.of("HREF", "ADD_DATE", "LAST_MODIFIED", "TAGS", "PRIVATE",
			"PERSONAL_TOOLBAR_FOLDER", "UNFILED_BOOKMARKS_FOLDER");

	private static final Set<String> ENDS_ENTRY = Set.of("DT", "DL", "H1", "H3", "HR");

	private static final int MAX_DEPTH = 256;

	private static final Pattern LINKDING_NOTES = Pattern.compile("\\[linkding-notes\\](.*?)\\[/linkding-notes\\]",
			Pattern.DOTALL);

	private final ImportOptions options;

	private final BookmarkSink sink;

	private final List<Folder> folders = new ArrayList<>();

	private @Nullable String folderName;

	private boolean folderIsRoot;

	private boolean inFolderName;

	private final FieldBuffer folderNameText = new FieldBuffer();

	private @Nullable Entry entry;

	private final HtmlTokenizer tokens;

	private NetscapeReader(ImportOptions options, BookmarkSink sink, HtmlTokenizer tokens) {
		this.options = options;
		this.sink = sink;
		this.tokens = tokens;
	}

	static void read(TextInput in, ImportOptions options, BookmarkSink sink) throws IOException, ImportFormatException {
		new NetscapeReader(options, sink, new HtmlTokenizer(in, KEPT_ATTRIBUTES)).run();
	}

	private record Folder(@Nullable String name, boolean isRoot, long line) {
	}

	private enum Mode {

		TITLE, AFTER_LINK, DESCRIPTION

	}

	/** A link being read, from its {@code <A>} to the end of its description. */
	private static final class Entry {

		final long line;

		final long column;

		final @Nullable String href;

		final @Nullable String tags;

		final @Nullable String addDate;

		final @Nullable String lastModified;

		final @Nullable String isPrivate;

		final @Nullable String tooLongAttribute;

		final FieldBuffer title = new FieldBuffer();

		final FieldBuffer description = new FieldBuffer();

		Mode mode = Mode.TITLE;

		Entry(HtmlTokenizer tokens) {
			this.line = tokens.line();
			this.column = tokens.column();
			this.href = tokens.attribute("HREF");
			this.tags = tokens.attribute("TAGS");
			this.addDate = tokens.attribute("ADD_DATE");
			this.lastModified = tokens.attribute("LAST_MODIFIED");
			this.isPrivate = tokens.attribute("PRIVATE");
			this.tooLongAttribute = tokens.isTooLong("HREF") ? "address"
					: tokens.isTooLong("TAGS") ? "tags" : null;
		}

	}

	private void run() throws IOException, ImportFormatException {
		HtmlTokenizer.Kind kind;
		while ((kind = this.tokens.next()) != HtmlTokenizer.Kind.END) {
			switch (kind) {
				case START_TAG -> startTag(this.tokens.name());
				case END_TAG -> endTag(this.tokens.name());
				case TEXT -> text(this.tokens.text());
				default -> throw new IllegalStateException(kind.name());
			}
		}
		Entry open = this.entry;
		if (open != null && open.mode == Mode.TITLE) {
			throw truncated("inside the title of the link started at line " + open.line + " (no </A>)");
		}
		finishEntry();
		if (this.inFolderName) {
			throw truncated("inside a folder name (no </H3>)");
		}
		if (!this.folders.isEmpty()) {
			Folder last = this.folders.get(this.folders.size() - 1);
			throw truncated("before the end of the list of bookmarks opened at line " + last.line() + " (no </DL>)");
		}
	}

	private void startTag(String name) throws ImportFormatException {
		Entry current = this.entry;
		if (this.inFolderName && (name.equals("A") || ENDS_ENTRY.contains(name))) {
			endFolderName();
		}
		if (name.equals("A")) {
			finishEntry();
			this.entry = new Entry(this.tokens);
		}
		else if (name.equals("DD")) {
			if (current != null && current.mode == Mode.DESCRIPTION) {
				finishEntry();
			}
			else if (current != null) {
				current.mode = Mode.DESCRIPTION;
			}
		}
		else if (ENDS_ENTRY.contains(name)) {
			finishEntry();
			if (name.equals("DL")) {
				if (this.folders.size() >= MAX_DEPTH) {
					throw ImportFormatException.at(Problem.MALFORMED, "folders nested more than " + MAX_DEPTH + " deep",
							this.tokens.line(), this.tokens.column());
				}
				this.folders.add(new Folder(this.folderName, this.folderIsRoot, this.tokens.line()));
				this.folderName = null;
				this.folderIsRoot = false;
			}
			else if (name.equals("H3")) {
				this.inFolderName = true;
				this.folderNameText.clear();
				this.folderIsRoot = isTrue(this.tokens.attribute("PERSONAL_TOOLBAR_FOLDER"))
						|| isTrue(this.tokens.attribute("UNFILED_BOOKMARKS_FOLDER"));
			}
		}
		else if (current != null && name.equals("BR")) {
			current.description.append(current.mode == Mode.DESCRIPTION ? '\n' : ' ');
		}
		else if (current != null && name.equals("P") && current.mode == Mode.DESCRIPTION) {
			current.description.append("\n\n");
		}
	}

	private void endTag(String name) throws ImportFormatException {
		Entry current = this.entry;
		switch (name) {
			case "A" -> {
				if (current != null && current.mode == Mode.TITLE) {
					current.mode = Mode.AFTER_LINK;
				}
			}
			case "H3" -> {
				if (this.inFolderName) {
					endFolderName();
				}
			}
			case "DL" -> {
				finishEntry();
				if (!this.folders.isEmpty()) {
					this.folders.remove(this.folders.size() - 1);
				}
			}
			case "DD" -> {
				if (current != null && current.mode == Mode.DESCRIPTION) {
					finishEntry();
				}
			}
			case "BODY", "HTML" -> finishEntry();
			default -> {
				// closing tags of text styles, </DT>, </P>: nothing to do
			}
		}
	}

	private void endFolderName() {
		this.inFolderName = false;
		String text = oneLine(HtmlTokenizer.decode(this.folderNameText.toString()));
		this.folderName = (this.folderNameText.isTooLong() || text.isEmpty()) ? null : text;
	}

	private void text(CharSequence chunk) {
		Entry current = this.entry;
		if (this.inFolderName) {
			this.folderNameText.append(chunk);
		}
		else if (current != null && current.mode == Mode.TITLE) {
			current.title.append(chunk);
		}
		else if (current != null && current.mode == Mode.DESCRIPTION) {
			current.description.append(chunk);
		}
	}

	private void finishEntry() throws ImportFormatException {
		Entry done = this.entry;
		if (done == null) {
			return;
		}
		this.entry = null;
		String tooLong = (done.tooLongAttribute != null) ? done.tooLongAttribute
				: done.title.isTooLong() ? "title" : done.description.isTooLong() ? "description" : null;
		if (tooLong != null) {
			skip(done, Reason.TOO_LONG, tooLong + " longer than " + Limits.MAX_FIELD_CHARS + " characters");
			return;
		}
		String title = oneLine(HtmlTokenizer.decode(done.title.toString()));
		if (done.href == null || done.href.isBlank()) {
			skip(done, Reason.NO_ADDRESS, SkippedBookmark.shorten(title));
			return;
		}
		String url = WebAddresses.normalize(done.href);
		if (url == null && WebAddresses.isRelativeToTheSite(done.href)) {
			finishNote(done, title, done.href.strip());
			return;
		}
		if (url == null) {
			skip(done, WebAddresses.whyNot(done.href), SkippedBookmark.shorten(done.href));
			return;
		}
		Instant addedAt = Dates.ofEpoch(done.addDate);
		this.sink.accept(Bookmark.of(url, title, description(done.description), tags(done),
				(addedAt != null) ? addedAt : Dates.ofEpoch(done.lastModified), isTrue(done.isPrivate), null));
	}

	/** A bookmark whose address is relative to the site that exported it: a Shaarli note, kept without a link. */
	private void finishNote(Entry done, String title, String href) {
		String text = description(done.description);
		List<String> tags = tags(done);
		if (title.isEmpty() && text == null && tags.isEmpty()) {
			skip(done, Reason.NOT_A_BOOKMARK, "a note without text");
			return;
		}
		Instant addedAt = Dates.ofEpoch(done.addDate);
		this.sink.accept(Bookmark.note(title, text, tags, (addedAt != null) ? addedAt : Dates.ofEpoch(done.lastModified),
				isTrue(done.isPrivate), href));
	}

	private List<String> tags(Entry done) {
		List<String> tags = new ArrayList<>();
		if (done.tags != null) {
			for (String tag : done.tags.split(",")) {
				if (!tag.isBlank()) {
					tags.add(tag.strip());
				}
			}
		}
		tags.addAll(folderTags());
		return tags;
	}

	private List<String> folderTags() {
		List<String> names = new ArrayList<>();
		for (Folder folder : this.folders) {
			String name = folder.name();
			if (name != null && !folder.isRoot()) {
				names.add(name);
			}
		}
		if (this.options.folderTags() == ImportOptions.FolderTags.NONE || names.isEmpty()) {
			return List.of();
		}
		if (this.options.folderTags() == ImportOptions.FolderTags.EACH) {
			return names;
		}
		List<String> path = new ArrayList<>();
		for (String name : names) {
			String body = Hashtags.bodyOf(name);
			if (body != null) {
				path.add(body);
			}
		}
		return path.isEmpty() ? List.of() : List.of(String.join("/", path));
	}

	private void skip(Entry entry, Reason reason, String detail) {
		this.sink.skip(new SkippedBookmark(entry.line, entry.column, reason, detail));
	}

	private ImportFormatException truncated(String where) {
		return ImportFormatException.at(Problem.TRUNCATED, "the file ends " + where + ": it was cut short",
				this.tokens.line(), this.tokens.column());
	}

	private static @Nullable String description(FieldBuffer raw) {
		if (raw.isEmpty()) {
			return null;
		}
		String text = HtmlTokenizer.decode(raw.toString()).replace("\r\n", "\n").replace('\r', '\n');
		Matcher notes = LINKDING_NOTES.matcher(text);
		if (notes.find()) {
			StringBuilder withNotes = new StringBuilder();
			do {
				notes.appendReplacement(withNotes, "");
				withNotes.append("\n\n").append(notes.group(1).strip());
			}
			while (notes.find());
			notes.appendTail(withNotes);
			text = withNotes.toString();
		}
		text = text.strip();
		return text.isEmpty() ? null : text;
	}

	private static String oneLine(String text) {
		return text.replaceAll("\\s+", " ").strip();
	}

	private static boolean isTrue(@Nullable String value) {
		if (value == null) {
			return false;
		}
		String flag = value.strip().toLowerCase(Locale.ROOT);
		return flag.equals("1") || flag.equals("true") || flag.equals("yes");
	}

}
