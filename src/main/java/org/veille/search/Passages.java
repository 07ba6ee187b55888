package org.veille.search;

import java.util.ArrayList;
import java.util.List;

import org.springframework.web.util.HtmlUtils;

/**
 * Turns what {@code ts_headline} returned into the HTML of a passage: the text escaped, the words found in
 * {@code <mark>}. PostgreSQL cuts the passage from the folded text (lower case, no accents: what the index
 * holds), so each fragment is found again in the folded text and shown from the original, as typed; a fragment
 * that cannot be found (the parser replaced something looking like an HTML tag) is shown as PostgreSQL gave it.
 * The markers are private-use characters removed from the text beforehand, so only {@code ts_headline} writes
 * them: nothing typed becomes markup.
 */
final class Passages {

	static final char START = '\uE000';

	static final char STOP = '\uE001';

	static final char CUT = '\uE002';

	static final String MARKERS = "" + START + STOP + CUT;

	/** The options of {@code ts_headline}: two fragments of some twenty words at most, short words kept at their ends. */
	static final String OPTIONS = "StartSel=" + START + ", StopSel=" + STOP + ", FragmentDelimiter=" + CUT
			+ ", MaxFragments=2, MaxWords=24, MinWords=10, ShortWord=0";

	/** How many words an opening passage (nothing to mark) shows. */
	static final int OPENING_WORDS = 30;

	private static final String ELLIPSIS = "…";

	private Passages() {
	}

	/** The passage {@code headline} cut from {@code original}, as safe HTML. */
	static String highlighted(String original, String headline) {
		SearchFold folded = SearchFold.of(original, MARKERS);
		StringBuilder html = new StringBuilder();
		int from = 0;
		int lastEnd = -1;
		String[] fragments = headline.split(String.valueOf(CUT), -1);
		for (int f = 0; f < fragments.length; f++) {
			Marked marked = Marked.of(fragments[f]);
			if (f > 0) {
				html.append(' ').append(ELLIPSIS).append(' ');
			}
			int at = marked.plain().isBlank() ? -1 : folded.text().indexOf(marked.plain(), from);
			if (at < 0) {
				marked.appendTo(html);
				continue;
			}
			int start = folded.start(at);
			if (f == 0 && !original.substring(0, start).isBlank()) {
				html.append(ELLIPSIS).append(' ');
			}
			int position = start;
			for (int[] mark : marked.marks()) {
				int markStart = folded.start(at + mark[0]);
				int markEnd = folded.end(original, at + mark[1]);
				escape(original.substring(position, markStart), html);
				html.append("<mark>");
				escape(original.substring(markStart, markEnd), html);
				html.append("</mark>");
				position = markEnd;
			}
			int end = folded.end(original, at + marked.plain().length());
			escape(original.substring(position, end), html);
			from = at + marked.plain().length();
			lastEnd = end;
		}
		if (lastEnd >= 0 && !original.substring(lastEnd).isBlank()) {
			html.append(' ').append(ELLIPSIS);
		}
		return html.toString().strip();
	}

	/** The beginning of {@code original} after its title line, as safe HTML: no word to mark. */
	static String opening(String original) {
		String text = original.strip();
		int newline = text.indexOf('\n');
		String rest = (newline > 0) ? text.substring(newline + 1).strip() : "";
		String[] words = (rest.isEmpty() ? text : rest).split("\\s+", OPENING_WORDS + 1);
		StringBuilder html = new StringBuilder();
		escape(String.join(" ", List.of(words).subList(0, Math.min(words.length, OPENING_WORDS))), html);
		if (words.length > OPENING_WORDS) {
			html.append(' ').append(ELLIPSIS);
		}
		return html.toString();
	}

	private static void escape(String text, StringBuilder html) {
		html.append(HtmlUtils.htmlEscape(text, "UTF-8"));
	}

	/** A fragment without its markers, and where the marked words are in it. */
	private record Marked(String plain, List<int[]> marks) {

		static Marked of(String fragment) {
			StringBuilder plain = new StringBuilder(fragment.length());
			List<int[]> marks = new ArrayList<>();
			int open = -1;
			for (int i = 0; i < fragment.length(); i++) {
				char c = fragment.charAt(i);
				if (c == START) {
					open = plain.length();
				}
				else if (c == STOP) {
					if (open >= 0 && plain.length() > open) {
						marks.add(new int[] { open, plain.length() });
					}
					open = -1;
				}
				else {
					plain.append(c);
				}
			}
			return new Marked(plain.toString(), marks);
		}

		/** The fragment as PostgreSQL gave it (folded), escaped, its marks kept. */
		void appendTo(StringBuilder html) {
			int position = 0;
			for (int[] mark : this.marks) {
				escape(this.plain.substring(position, mark[0]), html);
				html.append("<mark>");
				escape(this.plain.substring(mark[0], mark[1]), html);
				html.append("</mark>");
				position = mark[1];
			}
			escape(this.plain.substring(position), html);
		}

	}

}
