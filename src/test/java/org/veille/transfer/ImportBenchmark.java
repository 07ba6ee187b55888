package org.veille.transfer;

import java.io.BufferedWriter;
import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import org.veille.VeilleApplication;
import org.veille.transfer.format.ImportOptions;

/**
 * Measures the import of a Netscape bookmark file with enrichment skipped, through the whole path of
 * an upload: the checking read, then every bookmark stored as a message by {@link ImportService} (the
 * write path of posting: tags, links, sites, streams) in batches. Not a test: run
 * {@code bench/import-throughput.sh [bookmarks=10000]} (see docs/BENCHMARKS.md).
 *
 * <p>The database is an embedded PostgreSQL in a temporary directory, unless {@code SPRING_DATASOURCE_URL} names one.
 */
public final class ImportBenchmark {

	private ImportBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int bookmarks = 10_000;
		for (String argument : args) {
			if (argument.startsWith("bookmarks=")) {
				bookmarks = Integer.parseInt(argument.substring("bookmarks=".length()));
			}
			else if (argument.matches("\\d+")) {
				bookmarks = Integer.parseInt(argument);
			}
		}
		Path data = Files.createTempDirectory("veille-bench-postgres");
		try {
			try (ConfigurableApplicationContext app = new SpringApplicationBuilder(VeilleApplication.class)
				// As arguments, which win over application.properties (default properties would not).
				.run("--server.port=0", "--veille.database.embedded.data-directory=" + data, "--veille.fetch.enabled=false",
						"--logging.level.root=warn")) {
				JdbcClient jdbc = app.getBean(JdbcClient.class);
				ImportService imports = app.getBean(ImportService.class);
				run(jdbc, imports, "warmup", Math.min(bookmarks, 1_000));
				Duration java = javaCpu();
				Duration postgres = postgresCpu(data);
				run(jdbc, imports, "bench", bookmarks);
				// On a machine shared with other work, the time varies with its load; the CPU time much less.
				System.out.printf("CPU time of the bench run: Java %.1f s, PostgreSQL %.1f s%n",
						javaCpu().minus(java).toMillis() / 1e3, postgresCpu(data).minus(postgres).toMillis() / 1e3);
			}
		}
		finally {
			// The server stopped with the context: its data (over a gigabyte for 100,000 bookmarks) can go.
			try (Stream<Path> files = Files.walk(data)) {
				files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
			}
		}
	}

	private static Duration javaCpu() {
		return Duration.ofNanos(((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
			.getProcessCpuTime());
	}

	/** The CPU time of the embedded server and its live processes (the pool's connections stay open). */
	private static Duration postgresCpu(Path data) throws IOException {
		Optional<Path> pidFile;
		try (Stream<Path> files = Files.walk(data)) {
			pidFile = files.filter((file) -> file.getFileName().toString().equals("postmaster.pid")).findFirst();
		}
		if (pidFile.isEmpty()) {
			return Duration.ZERO;
		}
		long pid = Long.parseLong(Files.readAllLines(pidFile.get()).get(0).strip());
		return ProcessHandle.of(pid).map((server) -> Stream.concat(Stream.of(server), server.descendants())
			.map((process) -> process.info().totalCpuDuration().orElse(Duration.ZERO))
			.reduce(Duration.ZERO, Duration::plus)).orElse(Duration.ZERO);
	}

	private static void run(JdbcClient jdbc, ImportService imports, String login, int bookmarks) throws Exception {
		long accountId = jdbc.sql("""
				insert into accounts (login, email, password_hash) values (:login, :email, '{noop}x') returning id
				""").param("login", login).param("email", login + "@example.org").query(Long.class).single();
		Path file = Files.createTempFile("veille-bench-", ".html");
		try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
			out.write("<!DOCTYPE NETSCAPE-Bookmark-file-1>\n<TITLE>Bookmarks</TITLE>\n<DL><p>\n");
			for (int i = 0; i < bookmarks; i++) {
				if (i % 200 == 0) {
					out.write((i > 0 ? "</DL><p>\n" : "") + "<DT><H3>Folder " + (i / 200) + "</H3>\n<DL><p>\n");
				}
				out.write("<DT><A HREF=\"https://site" + (i % 500) + ".example.org/articles/" + i + "\" ADD_DATE=\""
						+ (1_500_000_000L + i * 37L) + "\" TAGS=\"topic" + (i % 300) + ",reading\">Article number " + i
						+ " &amp; its notes</A>\n<DD>What the article " + i + " says, in a line or two of description.\n");
			}
			out.write("</DL><p>\n</DL><p>\n");
		}
		long size = Files.size(file);
		// The import deletes its copy of the upload (this file) once done.
		long start = System.nanoTime();
		long id = imports.start(accountId, login + ".html", file,
				new ImportService.Choices(ImportOptions.defaults(), true, false));
		while (jdbc.sql("select status from imports where id = :id").param("id", id).query(String.class).single()
			.equals("running")) {
			LockSupport.parkNanos(50_000_000L);
		}
		double seconds = (System.nanoTime() - start) / 1e9;
		long created = jdbc.sql("select created from imports where id = :id").param("id", id).query(Long.class).single();
		System.out.printf("%s: %,d bookmarks (%.1f MiB), %,d messages created in %.1f s: %.0f bookmarks/s%n", login,
				bookmarks, size / 1048576.0, created, seconds, created / seconds);
	}

}
