package org.veille.markup;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every scanner is linear in its input (DESIGN §8), shown without a clock: the text is read through
 * a {@link CharSequence} that counts the characters read, on the way the parser and the renderer
 * read it (the lexer, then tags, mentions and markers in each piece of plain text). Doubling a
 * pathological text must at most double the reads, and no character may be read more than a few
 * times.
 */
class MarkupLinearityTests {

	/** Reads per character of text that a scanner may take: a few looks around each one. */
	private static final int READS_PER_CHARACTER = 12;

	static List<PathologicalTexts.Text> texts() {
		return PathologicalTexts.all();
	}

	@ParameterizedTest(name = "[{index}] {0}")
	@MethodSource("texts")
	void shouldReadEachCharacterABoundedNumberOfTimes(PathologicalTexts.Text text) {
		long reads = reads(text.ofLength().apply(20_000));

		assertThat(reads).isLessThanOrEqualTo(20_000L * READS_PER_CHARACTER);
	}

	@ParameterizedTest(name = "[{index}] {0}")
	@MethodSource("texts")
	void shouldReadTwiceTheTextInAboutTwiceTheReads(PathologicalTexts.Text text) {
		long reads = reads(text.ofLength().apply(20_000));
		long doubled = reads(text.ofLength().apply(40_000));

		assertThat(doubled).isLessThanOrEqualTo(reads * 21 / 10 + 16);
	}

	private static long reads(String text) {
		CountingText counted = new CountingText(MarkupParser.normalize(text));
		for (Token token : Lexer.tokenize(counted)) {
			if (token.kind() == Token.Kind.TEXT) {
				InlineScanner.all(counted, token.start(), token.end());
			}
		}
		return counted.reads;
	}

	/** A text that counts the characters read from it. */
	private static final class CountingText implements CharSequence {

		private final String text;

		long reads;

		CountingText(String text) {
			this.text = text;
		}

		@Override
		public int length() {
			return this.text.length();
		}

		@Override
		public char charAt(int index) {
			this.reads++;
			return this.text.charAt(index);
		}

		@Override
		public CharSequence subSequence(int start, int end) {
			this.reads += end - start;
			return this.text.subSequence(start, end);
		}

		@Override
		public String toString() {
			this.reads += this.text.length();
			return this.text;
		}

	}

}
