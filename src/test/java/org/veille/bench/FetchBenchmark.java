package org.veille.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.awaitility.Awaitility;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import org.veille.VeilleApplication;
import org.veille.link.FetchProperties;

/**
 * Measures how many links per second the fetch workers of one instance enrich, with the default worker count:
 * the whole path of a job (claim in PostgreSQL, fetch of the page, fetch of its preview image, thumbnail, result
 * stored). A local server answers every page, after a chosen delay standing for a remote site's latency.
 * Not a test: run {@code bench/fetch-throughput.sh} (see docs/BENCHMARKS.md).
 *
 * <p>Arguments: {@code pages=2000 delay-ms=0 nodelay=true}. The database is an embedded PostgreSQL in a temporary
 * directory, unless {@code SPRING_DATASOURCE_URL} names one. {@code nodelay} sets {@code TCP_NODELAY} on the local
 * server's connections, as nginx, Apache httpd, Tomcat and Go's server do: the JDK's server leaves Nagle's algorithm
 * on by default, and then holds a body sent after its head until the client acknowledges the head, which a client
 * delays by up to 40 ms on a kept-alive connection (docs/BENCHMARKS.md).
 */
public final class FetchBenchmark {

	private FetchBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int pages = Arguments.number(args, "pages", 2000);
		int delayMillis = Arguments.number(args, "delay-ms", 0);
		boolean noDelay = Boolean.parseBoolean(Arguments.text(args, "nodelay", "true"));
		// Read once, when the JDK's server starts: so before it is made.
		System.setProperty("sun.net.httpserver.nodelay", String.valueOf(noDelay));
		byte[] image = ImageFixture.png(1200, 630);
		ExecutorService serverThreads = Executors.newFixedThreadPool(32);
		HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 100);
		server.setExecutor(serverThreads);
		// A remote site's latency: the answer is sent later from a scheduler, and no thread waits meanwhile.
		ScheduledExecutorService latency = Executors.newSingleThreadScheduledExecutor();
		// Each connection has a client port of its own: counting them tells whether connections are kept alive (a
		// lower bound, since a port freed by a closed connection may be used again).
		Set<InetSocketAddress> connections = ConcurrentHashMap.newKeySet();
		AtomicLong requests = new AtomicLong();
		server.createContext("/", (exchange) -> {
			connections.add(exchange.getRemoteAddress());
			requests.incrementAndGet();
			latency.schedule(() -> answer(exchange, image), delayMillis, TimeUnit.MILLISECONDS);
		});
		server.start();
		Path data = Files.createTempDirectory("veille-bench-postgres");
		int workers = FetchProperties.defaults().workers();
		// Arguments, not default properties: application.properties names ./data/postgres, the developer's own.
		try (ConfigurableApplicationContext app = new SpringApplicationBuilder(VeilleApplication.class)
			.run("--server.port=0", "--veille.database.embedded.data-directory=" + data,
					"--veille.outbound.allow-private-addresses=true",
					"--veille.outbound.allowed-ports=80,443," + server.getAddress().getPort(),
					"--veille.fetch.poll-interval=50ms", "--logging.level.root=warn")) {
			JdbcClient jdbc = app.getBean(JdbcClient.class);
			String base = "http://127.0.0.1:" + server.getAddress().getPort();
			run(jdbc, base + "/warm-up/", Math.min(pages, 200));
			long heapBefore = usedHeap();
			long start = System.nanoTime();
			Duration cpuBefore = javaCpu();
			connections.clear();
			requests.set(0);
			run(jdbc, base + "/measured/", pages);
			Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
			Duration cpu = javaCpu().minus(cpuBefore);
			long thumbnails = jdbc.sql("select count(*) from links where url like :prefix and thumbnail_id is not null")
				.param("prefix", base + "/measured/%").query(Long.class).single();
			System.out.printf("Fetch benchmark: %d links, %d workers, server delay %d ms, server TCP_NODELAY %s%n", pages,
					workers, delayMillis, noDelay);
			System.out.printf("  elapsed %.2f s, %.1f links/s, %d with a thumbnail%n", elapsed.toMillis() / 1000.0,
					pages * 1000.0 / elapsed.toMillis(), thumbnails);
			System.out.printf("  %d requests from %d client ports (connections)%n", requests.get(), connections.size());
			// On a machine shared with other work the time varies with its load, the CPU time much less.
			System.out.printf("  Java CPU time %.1f s, %.1f ms a link (the local server's share included)%n",
					cpu.toMillis() / 1000.0, (double) cpu.toMillis() / pages);
			System.out.printf("  heap used %d MiB before the run, %d MiB after a GC; peak resident %s; "
					+ "max heap %d MiB; %d processors%n", heapBefore >> 20, usedHeapAfterGc() >> 20, peakResident(),
					Runtime.getRuntime().maxMemory() >> 20, Runtime.getRuntime().availableProcessors());
		}
		finally {
			server.stop(0);
			serverThreads.shutdownNow();
			latency.shutdownNow();
			deleteTree(data);
		}
	}

	private static Duration javaCpu() {
		return Duration.ofNanos(((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
			.getProcessCpuTime());
	}

	/** Queues {@code count} new links under this prefix, as posting would, and waits until all are fetched. */
	private static void run(JdbcClient jdbc, String prefix, int count) throws InterruptedException {
		jdbc.sql("""
				insert into links (url, host, normalized, normalized_hash)
				select :prefix || n, '127.0.0.1', :prefix || n, sha256(convert_to(:prefix || n, 'UTF8'))
				from generate_series(1, :count) as n
				""").param("prefix", prefix).param("count", count).update();
		jdbc.sql("insert into link_fetch_jobs (link_id) select id from links where url like :pattern")
			.param("pattern", prefix + "%")
			.update();
		Awaitility.await()
			.atMost(Duration.ofHours(1))
			.pollInterval(Duration.ofMillis(20))
			.until(() -> jdbc.sql("select count(*) from links where url like :pattern and fetch_status = 'pending'")
				.param("pattern", prefix + "%")
				.query(Long.class)
				.single() == 0);
		long failed = jdbc.sql("select count(*) from links where url like :pattern and fetch_status = 'failed'")
			.param("pattern", prefix + "%").query(Long.class).single();
		if (failed > 0) {
			throw new IllegalStateException(failed + " fetches failed: the figures would mean nothing");
		}
	}

	private static void answer(HttpExchange exchange, byte[] image) {
		String path = exchange.getRequestURI().getPath();
		byte[] body = path.endsWith(".png") ? image : PageFixture.html(path).getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", path.endsWith(".png") ? "image/png" : "text/html; charset=utf-8");
		try (OutputStream out = exchange.getResponseBody()) {
			exchange.sendResponseHeaders(200, body.length);
			out.write(body);
		}
		catch (IOException ex) {
			// The fetcher gave up on this request (a timeout): the benchmark counts its failure.
			exchange.close();
		}
	}

	private static long usedHeap() {
		return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
	}

	private static long usedHeapAfterGc() {
		System.gc();
		return usedHeap();
	}

	/** The process's peak resident memory (Linux), or "unknown". */
	private static String peakResident() {
		try (Stream<String> lines = Files.lines(Path.of("/proc/self/status"))) {
			return lines.filter((line) -> line.startsWith("VmHWM:"))
				.map((line) -> (Long.parseLong(line.replaceAll("\\D", "")) >> 10) + " MiB")
				.findFirst()
				.orElse("unknown");
		}
		catch (IOException | RuntimeException ex) {
			return "unknown";
		}
	}

	private static void deleteTree(Path root) throws IOException {
		try (Stream<Path> paths = Files.walk(root)) {
			for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
				Files.deleteIfExists(path);
			}
		}
	}

}
