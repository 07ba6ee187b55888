package org.veille.transfer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import org.veille.account.PostingPermission;
import org.veille.database.Timestamps;
import org.veille.message.MessageCommands;
import org.veille.transfer.format.Bookmark;
import org.veille.transfer.format.BookmarkImport;
import org.veille.transfer.format.BookmarkSink;
import org.veille.transfer.format.ImportFormatException;
import org.veille.transfer.format.ImportOptions;
import org.veille.transfer.format.ImportSummary;
import org.veille.transfer.format.SkippedBookmark;

/**
 * Imports a bookmark file: read once whole to check it (a bad file is refused before anything is
 * stored), then again in the background to store its entries as the importer's threads, in batches
 * of {@value #BATCH} per transaction, with their original dates. An entry imported before (same
 * source id, else same URL and date) is left alone, so importing a file again creates nothing.
 */
@Service
class ImportService implements DisposableBean {

	static final int BATCH = 2_000;

	/** How long stopping the application waits for an import to record that it was interrupted. */
	private static final Duration STOP_WAIT = Duration.ofSeconds(10);

	private static final String SERVER_ERROR = "The import stopped on an error of the server; importing the file again resumes it.";

	/** Private bookmarks, left out unless asked for (a reason besides the readers' {@link SkippedBookmark.Reason}s). */
	static final String PRIVATE = "PRIVATE";

	/** Entries whose message would break one of its limits ({@code MessageLimits}). */
	static final String OVER_A_LIMIT = "OVER_A_LIMIT";

	private static final Logger logger = LoggerFactory.getLogger(ImportService.class);

	/** What the person chose on the form. */
	record Choices(ImportOptions options, boolean includePrivate, boolean enrich) {
	}

	/** An import as its progress page shows it; {@code skips} say why the skipped entries were left out. */
	public record ImportView(long id, String fileName, @Nullable String format, String status, boolean enrich,
			int total, int created, int duplicates, int skipped, @Nullable String problem, List<Skip> skips) {

		public boolean isRunning() {
			return "running".equals(this.status);
		}

		public boolean isFailed() {
			return "failed".equals(this.status);
		}

		/** Its instance stopped before the end (see {@link ImportLeases}). */
		public boolean isInterrupted() {
			return "interrupted".equals(this.status);
		}

		public int processed() {
			return this.created + this.duplicates + this.skipped;
		}

	}

	/**
	 * How many entries were left out for one reason: a {@link SkippedBookmark.Reason}, {@link #PRIVATE} or
	 * {@link #OVER_A_LIMIT}.
	 */
	public record Skip(String reason, int entries) {

		/** The key of its sentence in the messages. */
		public String messageKey() {
			return "import.progress.skipped." + this.reason;
		}

	}

	private final MessageCommands commands;

	private final PostingPermission permission;

	private final TransactionTemplate transactions;

	private final JdbcClient jdbc;

	private final Clock clock;

	private final ImportLeases leases;

	/** Set when the application stops: an import cut short then is interrupted, not failed. */
	private volatile boolean stopping;

	private final ExecutorService executor = Executors.newSingleThreadExecutor((task) -> daemon(task, "veille-import"));

	private final ExecutorService readers = Executors.newCachedThreadPool((task) -> daemon(task, "veille-import-reader"));

	ImportService(MessageCommands commands, PostingPermission permission, TransactionTemplate transactions,
			JdbcClient jdbc, Clock clock, ImportLeases leases) {
		this.commands = commands;
		this.permission = permission;
		this.transactions = transactions;
		this.jdbc = jdbc;
		this.clock = clock;
		this.leases = leases;
	}

	/**
	 * Checks the file and, if it reads to its end, starts storing it.
	 * @param file a copy of the upload, which this service deletes when done
	 * @return the id of the import, for its progress page
	 * @throws ImportFormatException when the file cannot be imported; nothing is stored then
	 * @throws ImportRefusedException when this person may not post (an address to confirm first)
	 */
	long start(long accountId, String fileName, Path file, Choices choices)
			throws IOException, ImportFormatException, ImportRefusedException {
		if (!this.permission.mayPost(accountId)) {
			Files.deleteIfExists(file);
			throw new ImportRefusedException("import.unconfirmed");
		}
		ImportSummary summary;
		try (InputStream in = Files.newInputStream(file)) {
			summary = BookmarkImport.read(in, choices.options(), new BookmarkSink() {
				@Override
				public void accept(Bookmark bookmark) {
				}

				@Override
				public void skip(SkippedBookmark skipped) {
				}
			});
		}
		catch (ImportFormatException | IOException | RuntimeException ex) {
			Files.deleteIfExists(file);
			throw ex;
		}
		long id = this.jdbc.sql("""
				insert into imports (account_id, file_name, format, status, enrich, total, started_at)
				values (:account, :name, :format, 'running', :enrich, :total, :now) returning id
				""")
			.param("account", accountId)
			.param("name", fileName)
			.param("format", summary.format().name())
			.param("enrich", choices.enrich())
			.param("total", (int) (summary.bookmarks() + summary.skipped()))
			.param("now", Timestamps.of(now()))
			.query(Long.class)
			.single();
		this.leases.started(id);
		this.executor.execute(() -> store(id, accountId, file, choices));
		return id;
	}

	Optional<ImportView> find(long accountId, long importId) {
		List<Skip> skips = this.jdbc.sql("""
				select reason, entries from import_skips where import_id = :id order by entries desc, reason
				""").param("id", importId).query((rs, row) -> new Skip(rs.getString(1), rs.getInt(2))).list();
		return this.jdbc.sql("""
				select id, file_name, format, status, enrich, total, created, duplicates, skipped, problem
				from imports where id = :id and account_id = :account
				""").param("id", importId).param("account", accountId).query((rs, row) -> new ImportView(rs.getLong("id"),
				rs.getString("file_name"), rs.getString("format"), rs.getString("status"), rs.getBoolean("enrich"),
				rs.getInt("total"), rs.getInt("created"), rs.getInt("duplicates"), rs.getInt("skipped"),
				rs.getString("problem"), skips)).optional();
	}

	/**
	 * Stores the file's entries: a reading thread turns them into batches while this one stores the
	 * previous batch, so that reading the file and writing to the database overlap.
	 */
	private void store(long importId, long accountId, Path file, Choices choices) {
		Counts counts = new Counts();
		BlockingQueue<Batch> batches = new ArrayBlockingQueue<>(2);
		Future<?> reading = this.readers.submit(() -> {
			read(file, choices, batches);
			return null;
		});
		try {
			for (Batch batch = batches.take(); !batch.last(); batch = batches.take()) {
				storeBatch(importId, accountId, batch, choices.enrich(), counts);
			}
			reading.get();
			this.commands.importDone(accountId, now());
			finish(importId, "done", null);
		}
		catch (ExecutionException | InterruptedException | RuntimeException ex) {
			// Cleared while the status is written: the pool may refuse a connection to an interrupted thread.
			boolean interrupted = Thread.interrupted() || ex instanceof InterruptedException;
			Throwable cause = (ex instanceof ExecutionException) ? ex.getCause() : ex;
			if (this.stopping) {
				finish(importId, "interrupted", null);
			}
			else {
				logger.warn("Import {} failed", importId, cause);
				finish(importId, "failed", (cause instanceof ImportFormatException format) ? format.detail() : SERVER_ERROR);
			}
			if (interrupted) {
				Thread.currentThread().interrupt();
			}
		}
		finally {
			this.leases.ended(importId);
			reading.cancel(true);
			try {
				Files.deleteIfExists(file);
			}
			catch (IOException ex) {
				logger.warn("Could not delete {}", file, ex);
			}
		}
	}

	/** Reads the file into batches of {@value #BATCH} entries, then a last, empty one (also when reading fails). */
	private void read(Path file, Choices choices, BlockingQueue<Batch> batches) throws Exception {
		List<MessageCommands.ImportEntry> entries = new ArrayList<>(BATCH);
		Map<String, Integer> skipped = new HashMap<>();
		try (InputStream in = Files.newInputStream(file)) {
			BookmarkImport.read(in, choices.options(), new BookmarkSink() {
				@Override
				public void accept(Bookmark bookmark) {
					if (bookmark.isPrivate() && !choices.includePrivate()) {
						skipped.merge(PRIVATE, 1, Integer::sum);
						return;
					}
					Instant at = (bookmark.addedAt() != null) ? bookmark.addedAt().truncatedTo(ChronoUnit.MICROS) : now();
					entries.add(new MessageCommands.ImportEntry(bookmark.messageText(), at, key(bookmark)));
					if (entries.size() == BATCH) {
						hand(batches, new Batch(List.copyOf(entries), Map.copyOf(skipped), false));
						entries.clear();
						skipped.clear();
					}
				}

				@Override
				public void skip(SkippedBookmark entry) {
					skipped.merge(entry.reason().name(), 1, Integer::sum);
				}
			});
			if (!entries.isEmpty() || !skipped.isEmpty()) {
				hand(batches, new Batch(List.copyOf(entries), Map.copyOf(skipped), false));
			}
		}
		finally {
			hand(batches, new Batch(List.of(), Map.of(), true));
		}
	}

	/** Waits for room in the queue; an import stopped meanwhile ends the reading. */
	private static void hand(BlockingQueue<Batch> batches, Batch batch) {
		try {
			batches.put(batch);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("The import stopped", ex);
		}
	}

	private void storeBatch(long importId, long accountId, Batch batch, boolean enrich, Counts counts) {
		batch.skipped().forEach((reason, entries) -> counts.skipped.merge(reason, entries, Integer::sum));
		this.transactions.executeWithoutResult((status) -> {
			MessageCommands.ImportResult result = this.commands.importThreads(accountId, batch.entries(), enrich);
			counts.created += result.created();
			counts.duplicates += result.duplicates();
			if (result.overLimit() > 0) {
				counts.skipped.merge(OVER_A_LIMIT, result.overLimit(), Integer::sum);
			}
			this.jdbc.sql("""
					update imports set created = :created, duplicates = :duplicates, skipped = :skipped where id = :id
					""")
				.param("created", counts.created)
				.param("duplicates", counts.duplicates)
				.param("skipped", counts.skipped.values().stream().mapToInt(Integer::intValue).sum())
				.param("id", importId)
				.update();
			writeSkips(importId, counts.skipped);
		});
		counts.batches++;
		if (counts.batches <= 8 && (counts.batches & (counts.batches - 1)) == 0) {
			// After the 1st, 2nd, 4th and 8th batches: the statistics keep up with tables that grow from nothing
			// (beyond, the plans no longer change, and autovacuum's own ANALYZE follows).
			this.commands.refreshStatistics();
		}
	}

	/** The running totals of the entries left out, by reason. */
	private void writeSkips(long importId, Map<String, Integer> skipped) {
		if (skipped.isEmpty()) {
			return;
		}
		this.jdbc.sql("""
				insert into import_skips (import_id, reason, entries)
				select :id, reason, entries from unnest(:reasons, :entries) as s (reason, entries)
				on conflict (import_id, reason) do update set entries = excluded.entries
				""")
			.param("id", importId)
			.param("reasons", skipped.keySet().toArray(String[]::new))
			.param("entries", skipped.values().toArray(Integer[]::new))
			.update();
	}

	/** Entries read, with those skipped while reading them by reason; the last batch only says the reading ended. */
	private record Batch(List<MessageCommands.ImportEntry> entries, Map<String, Integer> skipped, boolean last) {
	}

	private void finish(long importId, String status, @Nullable String problem) {
		this.jdbc.sql("update imports set status = :status, problem = :problem, finished_at = :now where id = :id")
			.param("status", status)
			.param("problem", problem)
			.param("now", Timestamps.of(now()))
			.param("id", importId)
			.update();
	}

	/** What recognises an entry imported before: its id in the source, else its URL and date, else its text. */
	static byte[] key(Bookmark bookmark) {
		String key;
		if (bookmark.sourceId() != null) {
			key = "id\u0000" + bookmark.sourceId();
		}
		else if (bookmark.url() != null) {
			key = "url\u0000" + bookmark.url() + "\u0000" + bookmark.addedAt();
		}
		else {
			key = "text\u0000" + bookmark.messageText();
		}
		try {
			return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every JDK has SHA-256", ex);
		}
	}

	private Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.MICROS);
	}

	private static Thread daemon(Runnable task, String name) {
		Thread thread = new Thread(task, name);
		thread.setDaemon(true);
		return thread;
	}

	/** An import in progress stops, and says so (its batches stored so far stay). */
	@Override
	public void destroy() throws InterruptedException {
		this.stopping = true;
		this.executor.shutdownNow();
		this.readers.shutdownNow();
		// Time to write its status while the database is still there; otherwise another instance will.
		this.executor.awaitTermination(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS);
	}

	private static final class Counts {

		int created;

		int duplicates;

		final Map<String, Integer> skipped = new TreeMap<>();

		int batches;

	}

}
