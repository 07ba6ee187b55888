package org.veille.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.veille.markup.HtmlRenderer;
import org.veille.markup.MarkupParser;
import org.veille.markup.PathologicalTexts;
import org.veille.markup.RenderOptions;

/**
 * Times the markup parser and renderer on pathological texts ({@link PathologicalTexts}, the ones
 * whose reads {@code MarkupLinearityTests} counts) of 10,000, 20,000 and 40,000 characters, and
 * prints each input's times and the ratio 40k / 20k: a linear parser doubles its time, a quadratic
 * one quadruples it. Each figure is the median of repeated runs after a warm-up, the sizes taking
 * turns so that a change in the machine's load touches them alike. Times are the CPU time of the
 * measuring thread, which a loaded machine does not inflate (the wall time at 20,000 is printed
 * too). Not a test: run {@code bench/markup-worst-case.sh} (see docs/BENCHMARKS.md).
 *
 * <p>Arguments: {@code runs=21}, {@code only=text} (the inputs whose name holds it). Exits with status 1 when an input breaks a target (a ratio over
 * {@value #MAX_RATIO}, or parsing 20,000 characters over {@value #MAX_MILLIS_AT_20K} ms).
 */
public final class MarkupBenchmark {

	private static final double MAX_RATIO = 2.5;

	private static final double MAX_MILLIS_AT_20K = 20;

	private static final int[] SIZES = { 10_000, 20_000, 40_000 };

	private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

	private static final RenderOptions OPTIONS = RenderOptions.of("en");

	private MarkupBenchmark() {
	}

	public static void main(String[] args) {
		int runs = Arguments.number(args, "runs", 21);
		String only = Arguments.text(args, "only", "");
		List<PathologicalTexts.Text> inputs = PathologicalTexts.all()
			.stream()
			.filter((input) -> input.name().contains(only))
			.toList();
		// Warm-up: the JIT compiles the scanners on every kind of input before anything is measured.
		for (int round = 0; round < 5; round++) {
			for (PathologicalTexts.Text input : inputs) {
				String text = input.ofLength().apply(SIZES[0]);
				MarkupParser.parse(text);
				HtmlRenderer.render(text, OPTIONS);
			}
		}
		System.out.printf("Markup worst cases: CPU ms, median of %d runs (parse = MarkupParser.parse, render = "
				+ "HtmlRenderer.render)%n", runs);
		System.out.printf("| %-44s | %8s | %8s | %8s | %5s | %9s | %9s | %5s | %13s |%n", "input", "parse10k",
				"parse20k", "parse40k", "ratio", "render20k", "render40k", "ratio", "parse20k wall");
		System.out.printf("|%s|---:|---:|---:|---:|---:|---:|---:|---:|%n", "-".repeat(46));
		boolean met = true;
		for (PathologicalTexts.Text input : inputs) {
			Times times = measure(input, runs);
			double parseRatio = times.parse(2) / times.parse(1);
			double renderRatio = times.render(2) / times.render(1);
			boolean ok = parseRatio <= MAX_RATIO && renderRatio <= MAX_RATIO && times.parse(1) <= MAX_MILLIS_AT_20K;
			met &= ok;
			System.out.printf(Locale.ROOT, "| %-44s | %8.3f | %8.3f | %8.3f | %5.2f | %9.3f | %9.3f | %5.2f | %13.3f |%s%n",
					input.name(), times.parse(0), times.parse(1), times.parse(2), parseRatio, times.render(1),
					times.render(2), renderRatio, times.wallParse20k(), ok ? "" : " OVER");
		}
		System.out.println(met ? "Every input within the targets (ratios <= 2.5, parse of 20k <= 20 ms)."
				: "Some inputs break the targets (marked OVER).");
		System.exit(met ? 0 : 1);
	}

	/** Medians, per size, of parsing and rendering the input. */
	private record Times(double[] parseMillis, double[] renderMillis, double wallParse20k) {

		double parse(int size) {
			return this.parseMillis[size];
		}

		double render(int size) {
			return this.renderMillis[size];
		}

	}

	private static Times measure(PathologicalTexts.Text input, int runs) {
		String[] texts = Arrays.stream(SIZES).mapToObj((size) -> input.ofLength().apply(size)).toArray(String[]::new);
		double[][] parse = new double[SIZES.length][runs];
		double[][] render = new double[SIZES.length][runs];
		double[] wall = new double[runs];
		System.gc();
		for (int run = 0; run < runs; run++) {
			for (int size = 0; size < SIZES.length; size++) {
				String text = texts[size];
				long wallStart = System.nanoTime();
				long start = THREADS.getCurrentThreadCpuTime();
				MarkupParser.parse(text);
				long parsed = THREADS.getCurrentThreadCpuTime();
				if (size == 1) {
					wall[run] = (System.nanoTime() - wallStart) / 1e6;
				}
				HtmlRenderer.render(text, OPTIONS);
				long rendered = THREADS.getCurrentThreadCpuTime();
				parse[size][run] = (parsed - start) / 1e6;
				render[size][run] = (rendered - parsed) / 1e6;
			}
		}
		double[] parseMedians = new double[SIZES.length];
		double[] renderMedians = new double[SIZES.length];
		for (int size = 0; size < SIZES.length; size++) {
			parseMedians[size] = median(parse[size]);
			renderMedians[size] = median(render[size]);
		}
		return new Times(parseMedians, renderMedians, median(wall));
	}

	private static double median(double[] values) {
		double[] sorted = values.clone();
		Arrays.sort(sorted);
		return sorted[sorted.length / 2];
	}

}
