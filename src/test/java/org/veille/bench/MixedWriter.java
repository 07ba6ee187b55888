package org.veille.bench;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.veille.support.WebSession;

/**
 * The writer of a busy instance's mix (issue 16), against a running Veille: posts {@code rate} messages a second
 * through the posting form, each with two tags drawn from a Zipf distribution (s = 1) over the tags' ranks, for
 * {@code warmup} then {@code seconds} seconds, which drops kept pages as a busy instance's writes do. Not a test:
 * {@code bench/mixed.sh} runs it beside wrk's readers ({@code bench/mixed.lua}); see bench/README.md.
 *
 * <p>Prints the posts acknowledged during the measured seconds and their 99th percentile; a refused post on its
 * error output (refusals were silent once, and a run whose writer hit the posting limits looked like a quiet one).
 *
 * <p>Arguments: {@code port=8088 login=p17 warmup=90 seconds=30 rate=5 tags=FILE} (tag keys, most used first, one
 * a line).
 */
public final class MixedWriter {

	private MixedWriter() {
	}

	public static void main(String[] args) throws Exception {
		int port = Arguments.number(args, "port", 8088);
		int warmup = Arguments.number(args, "warmup", 90);
		int seconds = Arguments.number(args, "seconds", 30);
		int rate = Arguments.number(args, "rate", 5);
		List<String> tags = Files.readAllLines(Path.of(Arguments.text(args, "tags")));
		Zipf zipf = new Zipf(tags.size(), 1.0);
		WebSession writer = signIn(port, Arguments.text(args, "login"));
		String token = writer.postingToken();

		long measuredFrom = System.nanoTime() + TimeUnit.SECONDS.toNanos(warmup);
		long end = measuredFrom + TimeUnit.SECONDS.toNanos(seconds);
		List<Long> times = new ArrayList<>();
		SplittableRandom random = new SplittableRandom(7);
		ScheduledExecutorService writing = Executors.newSingleThreadScheduledExecutor();
		writing.scheduleAtFixedRate(() -> {
			String text = "Mixed load " + System.nanoTime() + " #" + tags.get(zipf.next(random)) + " #"
					+ tags.get(zipf.next(random));
			long start = System.nanoTime();
			HttpResponse<String> answer;
			try {
				answer = writer.postMessage(token, text);
			}
			catch (RuntimeException ex) {
				System.err.println("post failed: " + ex);
				return;
			}
			if (answer.statusCode() != 302) {
				System.err.println("post refused: " + answer.statusCode());
			}
			else if (start >= measuredFrom && start < end) {
				times.add(System.nanoTime() - start);
			}
		}, 0, 1000 / rate, TimeUnit.MILLISECONDS);
		TimeUnit.NANOSECONDS.sleep(end - System.nanoTime());
		writing.shutdown();
		writing.awaitTermination(30, TimeUnit.SECONDS);
		long[] sorted = times.stream().mapToLong(Long::longValue).sorted().toArray();
		double p99 = (sorted.length == 0) ? 0
				: sorted[(int) Math.min(sorted.length - 1, Math.ceil(0.99 * sorted.length) - 1)] / 1e6;
		System.out.printf("writer at %d posts/s: %d acknowledged in %d s (%.1f/s), p99 %.1f ms%n", rate, sorted.length,
				seconds, sorted.length / (double) seconds, p99);
	}

	private static WebSession signIn(int port, String login) {
		WebSession session = new WebSession(port);
		String token = WebSession.csrfOf(session.get("/login").body());
		HttpResponse<String> answer = session.post("/login",
				Map.of("_csrf", token, "username", login, "password", CorpusGenerator.PASSWORD));
		if (answer.statusCode() != 302 || answer.headers().firstValue("Location").orElse("").contains("error")) {
			throw new IllegalStateException("Could not sign " + login + " in: " + answer.statusCode());
		}
		return session;
	}

	/** Ranks 0..n-1 drawn with probability proportional to 1 / (rank + 1)^s, by the cumulative table. */
	static final class Zipf {

		private final double[] cumulative;

		Zipf(int n, double s) {
			this.cumulative = new double[n];
			double sum = 0;
			for (int rank = 0; rank < n; rank++) {
				sum += 1 / Math.pow(rank + 1, s);
				this.cumulative[rank] = sum;
			}
			for (int rank = 0; rank < n; rank++) {
				this.cumulative[rank] /= sum;
			}
		}

		int next(SplittableRandom random) {
			int found = Arrays.binarySearch(this.cumulative, random.nextDouble());
			return Math.min((found >= 0) ? found : -found - 1, this.cumulative.length - 1);
		}

	}

}
