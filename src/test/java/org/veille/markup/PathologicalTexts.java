package org.veille.markup;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.IntFunction;

/**
 * Texts made to make a scanner read the same characters again and again: runs of what starts a URL,
 * a tag, a mention, a group, a quote or code, without what would end it. Shared by
 * {@link MarkupLinearityTests} (which counts reads) and the benchmark (which times them).
 */
public final class PathologicalTexts {

	private PathologicalTexts() {
	}

	/** A text of any length of one kind. */
	public record Text(String name, IntFunction<String> ofLength) {

		@Override
		public String toString() {
			return this.name;
		}

		static Text repeat(String name, String unit) {
			return new Text(name, (length) -> {
				StringBuilder text = new StringBuilder(length + unit.length());
				while (text.length() < length) {
					text.append(unit);
				}
				return text.substring(0, length);
			});
		}

	}

	public static List<Text> all() {
		List<Text> texts = new ArrayList<>();
		texts.add(Text.repeat("http://- (issue 11)", "http://-"));
		texts.add(Text.repeat("URL without host https://.", "https://."));
		texts.add(Text.repeat("URL without host http:///", "http:///"));
		texts.add(Text.repeat("URLs without a space", "http://a"));
		texts.add(Text.repeat("h (URL starts)", "h"));
		texts.add(Text.repeat("#", "#"));
		texts.add(Text.repeat("#_ (tag without letter)", "#_"));
		texts.add(new Text("#___… (one long run without letter)", (length) -> "#" + "_".repeat(length - 1)));
		texts.add(Text.repeat("#[fr] (empty variant)", "#[fr]"));
		texts.add(new Text("#[fr]a[fr]a… (one long tag)", (length) -> "#" + "[fr]a".repeat(length).substring(0, length - 1)));
		texts.add(Text.repeat("@", "@"));
		texts.add(Text.repeat("@. (login of dots)", "@."));
		texts.add(new Text("@…. (one long run of dots)", (length) -> "@" + ".".repeat(length - 1)));
		texts.add(Text.repeat("(", "("));
		texts.add(new Text("#a((((… (unclosed groups)", (length) -> "#a" + "(".repeat(length - 2)));
		texts.add(Text.repeat("#a(b (groups, tags)", "#a(b"));
		texts.add(Text.repeat("-.", "-."));
		texts.add(Text.repeat("#a-. (joiners)", "#a-."));
		texts.add(Text.repeat("❝", "❝"));
		texts.add(Text.repeat("❞", "❞"));
		texts.add(Text.repeat("> ❝ lines", "> ❝\n"));
		texts.add(Text.repeat("` (backticks)", "`"));
		texts.add(new Text("` `` ``` … (backtick runs of every length)", PathologicalTexts::backtickRuns));
		texts.add(Text.repeat("``` fences", "```\n"));
		texts.add(new Text("``` unclosed fence of backtick lines", (length) -> "```\n" + "``\n".repeat(length)
			.substring(0, length - 4)));
		texts.add(Text.repeat("*_ (markers)", "*_"));
		texts.add(Text.repeat("a*b_ (markers in words)", " *a_b"));
		texts.add(new Text("combining marks", (length) -> "a" + "\u0301\u0316".repeat(length / 2 + 1).substring(0,
				length - 1)));
		texts.add(Text.repeat("blank lines", " \n"));
		texts.add(new Text("mixed", PathologicalTexts::mixed));
		return texts;
	}

	/** Runs of 1, 2, 3… backticks on one line: none closes another, and each is a different length. */
	private static String backtickRuns(int length) {
		StringBuilder text = new StringBuilder(length);
		for (int run = 1; text.length() < length; run++) {
			text.append("`".repeat(run)).append('x');
		}
		return text.substring(0, length);
	}

	/** The pathological pieces in a random order (fixed seed), with some ordinary words. */
	private static String mixed(int length) {
		String[] pieces = { "http://-", "#", "@", "(", "-.", "❝", "`", "``", "https://.", "#a(", "#[fr]", "@.", "*",
				"_", "\n", "> ", "word ", "#tag ", "https://example.org/a_(b) ", "\u0301" };
		Random random = new Random(11);
		StringBuilder text = new StringBuilder(length + 40);
		while (text.length() < length) {
			text.append(pieces[random.nextInt(pieces.length)]);
		}
		return text.substring(0, length);
	}

}
