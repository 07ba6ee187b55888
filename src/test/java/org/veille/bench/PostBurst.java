package org.veille.bench;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.veille.support.WebSession;

/**
 * Many people posting at once through the posting form of a running Veille, each as fast as the
 * server answers (a closed loop: a person sends the next post when the last one was answered).
 * Not a test: {@code bench/post-burst.sh} starts the application and runs this (see bench/README.md).
 *
 * <p>Every post cites a page of one site and carries the tags {@code #veille/burst} and the run's own, as
 * people posting about the same event do: all posts then update the same rows (the tags' counters, the
 * site's), the hardest case. With the argument {@code spread}, each person cites their own site and tag.
 *
 * <p>Arguments: {@code port=8086 posters=64 messages=20 warmup=60 [spread]}, and optionally {@code app-pid=N} and
 * {@code postgres-pids=N,N,…} (the server processes of the pool's connections): then the CPU time these
 * processes spent during the measured round is printed per post, a figure that depends much less than
 * the rate on what else the machine is doing. A post is acknowledged when the
 * server redirects to the new message; any other answer, or no answer, is an error. Prints
 * acknowledged posts per second over the measured round, the median and 99th percentile of the
 * time to answer, and the errors by status; the last line is {@code acknowledged=N tag=…} for the
 * script to count the stored messages.
 */
public final class PostBurst {

	/** Linux counts CPU time in ticks of 10 ms (USER_HZ, 100 on every common kernel). */
	private static final double TICK_MILLIS = 10;

	private static final int SIGN_UPS_AT_ONCE = 4;

	private PostBurst() {
	}

	public static void main(String[] args) throws Exception {
		int port = Arguments.number(args, "port", 8086);
		int posters = Arguments.number(args, "posters", 64);
		int messages = Arguments.number(args, "messages", 20);
		int warmup = Arguments.number(args, "warmup", 60);
		boolean shared = !List.of(args).contains("spread");
		String run = Long.toString(System.currentTimeMillis() % 100_000_000L, 36);
		ExecutorService threads = Executors.newFixedThreadPool(posters);
		try {
			List<Poster> people = signUp(port, posters, run);
			// Not measured: the JIT compiles the write path, and each person's form token is fetched.
			burst(threads, people, warmup, "warmup_" + run, shared, null);
			Map<String, AtomicInteger> errors = new ConcurrentHashMap<>();
			long[] latencies = new long[posters * messages];
			long appCpu = cpuTicks(pids(args, "app-pid"));
			Map<String, Long> appThreads = threadTicks(pids(args, "app-pid"));
			long postgresCpu = cpuTicks(pids(args, "postgres-pids"));
			long start = System.nanoTime();
			int acknowledged = burst(threads, people, messages, "burst_" + run, shared, (poster, index, nanos, status) -> {
				latencies[poster * messages + index] = nanos;
				if (status != 302) {
					errors.computeIfAbsent(statusName(status), (name) -> new AtomicInteger()).incrementAndGet();
				}
			});
			double seconds = (System.nanoTime() - start) / 1e9;
			appCpu = cpuTicks(pids(args, "app-pid")) - appCpu;
			Map<String, Long> byThread = threadTicks(pids(args, "app-pid"));
			appThreads.forEach((group, ticks) -> byThread.merge(group, -ticks, Long::sum));
			postgresCpu = cpuTicks(pids(args, "postgres-pids")) - postgresCpu;
			Arrays.sort(latencies);
			System.out.printf("%d posters x %d messages: %d acknowledged in %.1f s: %.1f posts/s%n", posters,
					messages, acknowledged, seconds, acknowledged / seconds);
			System.out.printf("time to answer: median %.1f ms, p99 %.1f ms, max %.1f ms%n", percentile(latencies, 50),
					percentile(latencies, 99), latencies[latencies.length - 1] / 1e6);
			System.out.println("errors: " + (errors.isEmpty() ? "0" : new TreeMap<>(errors).toString()));
			if (appCpu > 0 || postgresCpu > 0) {
				System.out.printf("CPU time per post: application %.2f ms, PostgreSQL %.2f ms%n",
						appCpu * TICK_MILLIS / acknowledged, postgresCpu * TICK_MILLIS / acknowledged);
				StringJoiner groups = new StringJoiner(", ", "application CPU per post by thread: ", "");
				byThread.entrySet()
					.stream()
					.filter((group) -> group.getValue() > 0)
					.sorted(Map.Entry.<String, Long>comparingByValue().reversed())
					.forEach((group) -> groups.add(String.format("%s %.2f ms", group.getKey(),
							group.getValue() * TICK_MILLIS / acknowledged)));
				System.out.println(groups);
			}
			System.out.println("acknowledged=" + acknowledged + " tag=burst_" + run);
		}
		finally {
			threads.shutdownNow();
		}
	}

	/** One person: a session signed in, and the posting form's token. */
	private record Poster(WebSession session, String token) {
	}

	/** What happened to one post. */
	private interface Outcome {

		void record(int poster, int index, long nanos, int status);

	}

	/**
	 * Signs the people up a few at a time: signing up hashes a password (bcrypt, some 100 ms of CPU), and
	 * the burst measured is the posting, not a crowd signing up at once.
	 */
	private static List<Poster> signUp(int port, int posters, String run) throws Exception {
		ExecutorService threads = Executors.newFixedThreadPool(SIGN_UPS_AT_ONCE);
		List<Future<Poster>> futures = new ArrayList<>();
		for (int i = 0; i < posters; i++) {
			String login = "burst" + run + "p" + i;
			futures.add(threads.submit(() -> {
				WebSession session = new WebSession(port);
				HttpResponse<String> answer = session.signUp(login);
				if (answer.statusCode() != 302) {
					throw new IllegalStateException("Sign-up of " + login + " answered " + answer.statusCode());
				}
				return new Poster(session, session.postingToken());
			}));
		}
		List<Poster> people = new ArrayList<>();
		try {
			for (Future<Poster> future : futures) {
				people.add(future.get(5, TimeUnit.MINUTES));
			}
		}
		finally {
			threads.shutdownNow();
		}
		return people;
	}

	/** Every person posts this many messages tagged so, all starting together; returns the posts acknowledged. */
	private static int burst(ExecutorService threads, List<Poster> people, int messages, String tag, boolean shared,
			Outcome outcome) throws Exception {
		CyclicBarrier start = new CyclicBarrier(people.size());
		AtomicInteger acknowledged = new AtomicInteger();
		List<Future<?>> futures = new ArrayList<>();
		for (int p = 0; p < people.size(); p++) {
			int poster = p;
			Poster person = people.get(p);
			futures.add(threads.submit(() -> {
				start.await();
				for (int i = 0; i < messages; i++) {
					String site = shared ? "burst.example.org" : "site" + poster + ".example.org";
					String text = "Post " + i + " of poster " + poster + " in " + tag + "\nhttps://" + site + "/" + tag
							+ "/" + poster + "/" + i + "\n\n❝ A line quoted from the page. ❞\n\nWhat I think of it. #" + tag
							+ (shared ? " #veille/burst" : " #own/p" + poster);
					long begin = System.nanoTime();
					int status;
					try {
						status = person.session().postMessage(person.token(), text).statusCode();
					}
					catch (RuntimeException ex) {
						status = -1;
					}
					if (status == 302) {
						acknowledged.incrementAndGet();
					}
					if (outcome != null) {
						outcome.record(poster, i, System.nanoTime() - begin, status);
					}
				}
				return null;
			}));
		}
		for (Future<?> future : futures) {
			future.get(30, TimeUnit.MINUTES);
		}
		return acknowledged.get();
	}

	private static String statusName(int status) {
		return (status < 0) ? "no answer" : String.valueOf(status);
	}

	private static double percentile(long[] sorted, int percent) {
		int index = (int) Math.ceil(percent / 100.0 * sorted.length) - 1;
		return sorted[Math.max(0, index)] / 1e6;
	}

	private static List<String> pids(String[] args, String name) {
		for (String argument : args) {
			if (argument.startsWith(name + "=") && argument.length() > name.length() + 1) {
				return List.of(argument.substring(name.length() + 1).split(","));
			}
		}
		return List.of();
	}

	/** User and system time of these processes so far, in clock ticks (Linux: fields 14 and 15 of /proc/N/stat). */
	private static long cpuTicks(List<String> pids) throws IOException {
		long ticks = 0;
		for (String pid : pids) {
			Path stat = Path.of("/proc", pid.strip(), "stat");
			if (Files.isReadable(stat)) {
				String line = Files.readString(stat);
				String[] fields = line.substring(line.lastIndexOf(')') + 2).split(" ");
				ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
			}
		}
		return ticks;
	}

	/**
	 * CPU ticks of each thread of these processes so far, summed by the thread's name without its digits
	 * (Linux keeps 15 characters of a name: Tomcat's {@code http-nio-8086-exec-12} counts as
	 * {@code http-nio--e}): where the time goes, request threads, the collector, the JIT, background
	 * workers. A thread that ended in between is missed.
	 */
	private static Map<String, Long> threadTicks(List<String> pids) throws IOException {
		Map<String, Long> ticks = new TreeMap<>();
		for (String pid : pids) {
			Path tasks = Path.of("/proc", pid.strip(), "task");
			if (!Files.isDirectory(tasks)) {
				continue;
			}
			try (Stream<Path> threads = Files.list(tasks)) {
				for (Path thread : threads.toList()) {
					try {
						String line = Files.readString(thread.resolve("stat"));
						String name = line.substring(line.indexOf('(') + 1, line.lastIndexOf(')')).replaceAll("[0-9]", "");
						String[] fields = line.substring(line.lastIndexOf(')') + 2).split(" ");
						ticks.merge(name, Long.parseLong(fields[11]) + Long.parseLong(fields[12]), Long::sum);
					}
					catch (IOException ex) {
						// The thread ended while being read.
					}
				}
			}
		}
		return ticks;
	}

}
