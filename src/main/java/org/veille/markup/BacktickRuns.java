package org.veille.markup;

import java.util.HashMap;
import java.util.Map;

/**
 * Where each run of backticks of a line finds the next run of the same length, for inline code. The
 * runs of a line are indexed the first time one of them is asked about, in one pass over the line:
 * looking ahead from each run instead would read the rest of the line once per run that finds no
 * pair ({@code ` `` ``` …} on one line).
 */
final class BacktickRuns {

	private final CharSequence text;

	/** For the start of each run of the indexed line, the start of the next run of its length, or -1. */
	private final Map<Integer, Integer> next = new HashMap<>();

	private int indexedLineEnd = -1;

	BacktickRuns(CharSequence text) {
		this.text = text;
	}

	/**
	 * The start of the next run, before {@code lineEnd}, as long as the run starting at
	 * {@code start}, or -1; {@code start} is the start of a run, and is never before one asked
	 * about earlier.
	 */
	int nextOfSameLength(int start, int lineEnd) {
		if (lineEnd != this.indexedLineEnd) {
			index(start, lineEnd);
		}
		return this.next.getOrDefault(start, -1);
	}

	private void index(int from, int lineEnd) {
		this.next.clear();
		this.indexedLineEnd = lineEnd;
		Map<Integer, Integer> lastOfLength = new HashMap<>();
		int p = lineEnd - 1;
		while (p >= from) {
			if (this.text.charAt(p) != '`') {
				p--;
				continue;
			}
			int end = p + 1;
			while (p > from && this.text.charAt(p - 1) == '`') {
				p--;
			}
			Integer following = lastOfLength.put(end - p, p);
			this.next.put(p, (following != null) ? following : -1);
			p--;
		}
	}

}
