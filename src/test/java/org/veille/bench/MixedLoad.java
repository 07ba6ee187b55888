package org.veille.bench;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.veille.support.WebSession;

/**
 * A busy instance's mix of readers and one writer against a running Veille (issue 16). Not a test:
 * {@code bench/mixed.sh} starts the application on a generated corpus and runs this (see bench/README.md).
 *
 * <p>Readers are closed loops (each sends its next request when the last was answered): tag pages, the tag drawn
 * from a Zipf distribution over the corpus's tags by rank (s = 1, as people read popular tags more), thread
 * pages drawn uniformly, {@code /all}, and the home streams of several signed-in people (each their own
 * session). Meanwhile a writer posts {@code rate} messages a second through the posting form, each with two tags
 * drawn from the same distribution, which drops kept pages as a busy instance's writes do.
 *
 * <p>Prints requests per second, the median and 99th percentile per kind and overall, the errors, the posts
 * acknowledged and their 99th percentile, and the page cache's hit ratio over the measured time (from the
 * Prometheus endpoint of the management port; absent when the cache is off).
 *
 * <p>Arguments: {@code port=8088 management=0 readers=16 signed-in=8 seconds=30 warmup=10 rate=5
 * tags=FILE threads=FILE} (files of tag keys, most used first, and of thread ids, one a line).
 */
public final class MixedLoad {

	private static final Pattern METRIC = Pattern.compile(
			"^veille_page_cache_requests_total\\{[^}]*result=\"(hit|miss)\"[^}]*\\} ([0-9.eE+]+)$", Pattern.MULTILINE);

	private enum Kind {

		TAG(50), THREAD(20), ALL(10), HOME(20);

		final int weight;

		Kind(int weight) {
			this.weight = weight;
		}

	}

	private MixedLoad() {
	}

	public static void main(String[] args) throws Exception {
		int port = intArgument(args, "port", 8088);
		int management = intArgument(args, "management", 0);
		int readers = intArgument(args, "readers", 16);
		int signedIn = intArgument(args, "signed-in", 8);
		int seconds = intArgument(args, "seconds", 30);
		int warmup = intArgument(args, "warmup", 10);
		int rate = intArgument(args, "rate", 5);
		List<String> tags = Files.readAllLines(Path.of(argument(args, "tags")));
		List<String> threads = Files.readAllLines(Path.of(argument(args, "threads")));
		Zipf zipf = new Zipf(tags.size(), 1.0);

		List<WebSession> sessions = new ArrayList<>();
		for (int i = 1; i <= signedIn; i++) {
			sessions.add(signIn(port, "p" + i));
		}
		WebSession writer = signIn(port, "p" + (signedIn + 1));
		String token = writer.postingToken();

		run(port, readers, sessions, tags, threads, zipf, warmup, null, rate, writer, token);
		double[] before = cacheCounts(management);
		Recorder recorder = new Recorder();
		long posted = run(port, readers, sessions, tags, threads, zipf, seconds, recorder, rate, writer, token);
		double[] after = cacheCounts(management);

		System.out.printf("%d readers (%d signed in), %d s, writer at %d posts/s%n", readers, signedIn, seconds, rate);
		recorder.print(seconds);
		System.out.printf("posts acknowledged: %d (%.1f/s), p99 %.1f ms%n", posted, posted / (double) seconds,
				recorder.percentile(recorder.posts, 0.99));
		if (after != null && before != null) {
			double hits = after[0] - before[0];
			double misses = after[1] - before[1];
			System.out.printf("page cache: %.0f hits, %.0f misses, hit ratio %.2f%n", hits, misses,
					(hits + misses > 0) ? hits / (hits + misses) : 0);
		}
		else {
			System.out.println("page cache: no metrics (off, or no management port given)");
		}
	}

	/** Readers and the writer for this many seconds; the posts acknowledged. Not recorded when recorder is null. */
	private static long run(int port, int readers, List<WebSession> sessions, List<String> tags, List<String> threads,
			Zipf zipf, int seconds, Recorder recorder, int rate, WebSession writer, String token) throws Exception {
		long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
		AtomicInteger posted = new AtomicInteger();
		ScheduledExecutorService writing = Executors.newSingleThreadScheduledExecutor();
		SplittableRandom writerRandom = new SplittableRandom(7);
		writing.scheduleAtFixedRate(() -> {
			String text = "Mixed load " + System.nanoTime() + " #" + tags.get(zipf.next(writerRandom)) + " #"
					+ tags.get(zipf.next(writerRandom));
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
				// Refused posts were silent, so a run whose writer hit the posting limits looked like a quiet one.
				System.err.println("post refused: " + answer.statusCode());
			}
			else if (recorder != null) {
				posted.incrementAndGet();
				recorder.post(System.nanoTime() - start);
			}
		}, 0, 1000 / rate, TimeUnit.MILLISECONDS);
		ExecutorService pool = Executors.newFixedThreadPool(readers);
		List<Future<?>> loops = new ArrayList<>();
		for (int r = 0; r < readers; r++) {
			SplittableRandom random = new SplittableRandom(r);
			HttpClient anonymous = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
			WebSession session = sessions.get(r % sessions.size());
			loops.add(pool.submit(() -> {
				while (System.nanoTime() < end) {
					Kind kind = pick(random);
					long start = System.nanoTime();
					int status = switch (kind) {
						case TAG -> get(anonymous, port, "/tag/" + encode(tags.get(zipf.next(random))));
						case THREAD -> get(anonymous, port, "/messages/" + threads.get(random.nextInt(threads.size())));
						case ALL -> get(anonymous, port, "/all");
						case HOME -> home(session);
					};
					if (recorder != null) {
						recorder.request(kind, System.nanoTime() - start, status);
					}
				}
				return null;
			}));
		}
		for (Future<?> loop : loops) {
			loop.get();
		}
		pool.shutdown();
		writing.shutdown();
		writing.awaitTermination(30, TimeUnit.SECONDS);
		return posted.get();
	}

	private static int home(WebSession session) {
		try {
			return session.get("/").statusCode();
		}
		catch (RuntimeException ex) {
			return 0;
		}
	}

	private static Kind pick(SplittableRandom random) {
		int draw = random.nextInt(100);
		for (Kind kind : Kind.values()) {
			if (draw < kind.weight) {
				return kind;
			}
			draw -= kind.weight;
		}
		return Kind.TAG;
	}

	private static int get(HttpClient http, int port, String path) {
		try {
			HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
				.timeout(Duration.ofSeconds(30))
				.header("Accept", "text/html")
				.GET()
				.build();
			return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
		}
		catch (IOException ex) {
			return 0;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return 0;
		}
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

	/** The page cache's hits and misses so far, or null without the metrics. */
	private static double[] cacheCounts(int management) throws Exception {
		if (management <= 0) {
			return null;
		}
		HttpResponse<String> answer = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + management + "/actuator/prometheus")).build(),
					HttpResponse.BodyHandlers.ofString());
		double[] counts = new double[2];
		boolean found = false;
		Matcher matcher = METRIC.matcher(answer.body());
		while (matcher.find()) {
			counts["hit".equals(matcher.group(1)) ? 0 : 1] += Double.parseDouble(matcher.group(2));
			found = true;
		}
		return found ? counts : null;
	}

	private static String encode(String tag) {
		// A hierarchical tag keeps its slashes: /tag/écologie/forest.
		return URLEncoder.encode(tag, StandardCharsets.UTF_8).replace("+", "%20").replace("%2F", "/");
	}

	private static String argument(String[] args, String name) {
		for (String argument : args) {
			if (argument.startsWith(name + "=")) {
				return argument.substring(name.length() + 1);
			}
		}
		throw new IllegalArgumentException("Missing " + name + "=…");
	}

	private static int intArgument(String[] args, String name, int fallback) {
		for (String argument : args) {
			if (argument.startsWith(name + "=")) {
				return Integer.parseInt(argument.substring(name.length() + 1));
			}
		}
		return fallback;
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

	/** Times of answers by kind, kept whole (a run of a minute holds a few hundred thousand). */
	private static final class Recorder {

		private final Map<Kind, List<Long>> times = Map.of(Kind.TAG, new ArrayList<>(), Kind.THREAD, new ArrayList<>(),
				Kind.ALL, new ArrayList<>(), Kind.HOME, new ArrayList<>());

		private final List<Long> posts = new ArrayList<>();

		private final Map<Integer, AtomicInteger> errors = new ConcurrentHashMap<>();

		void request(Kind kind, long nanos, int status) {
			if (status != 200) {
				this.errors.computeIfAbsent(status, (key) -> new AtomicInteger()).incrementAndGet();
			}
			List<Long> list = this.times.get(kind);
			synchronized (list) {
				list.add(nanos);
			}
		}

		void post(long nanos) {
			synchronized (this.posts) {
				this.posts.add(nanos);
			}
		}

		double percentile(List<Long> list, double share) {
			synchronized (list) {
				if (list.isEmpty()) {
					return 0;
				}
				long[] sorted = list.stream().mapToLong(Long::longValue).sorted().toArray();
				return sorted[(int) Math.min(sorted.length - 1, Math.ceil(share * sorted.length) - 1)] / 1e6;
			}
		}

		void print(int seconds) {
			List<Long> all = new ArrayList<>();
			for (Kind kind : Kind.values()) {
				List<Long> list = this.times.get(kind);
				all.addAll(list);
				System.out.printf("%-7s %8.1f req/s  p50 %6.1f ms  p99 %6.1f ms%n", kind.name().toLowerCase(),
						list.size() / (double) seconds, percentile(list, 0.5), percentile(list, 0.99));
			}
			System.out.printf("%-7s %8.1f req/s  p50 %6.1f ms  p99 %6.1f ms  errors by status (0: no answer) %s%n", "all",
					all.size() / (double) seconds, percentile(all, 0.5), percentile(all, 0.99), this.errors);
		}

	}

}
