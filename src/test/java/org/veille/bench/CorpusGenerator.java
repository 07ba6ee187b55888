package org.veille.bench;

import java.io.IOException;
import java.io.Writer;
import java.lang.reflect.Constructor;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Queue;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.migration.JavaMigration;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

import org.springframework.security.crypto.factory.PasswordEncoderFactories;

import org.veille.link.NormalizedUrl;
import org.veille.link.SiteKeys;
import org.veille.link.UrlNormalizer;
import org.veille.markup.TagKeys;

/**
 * Fills an empty database with a realistic corpus for the benchmarks (bench/README.md): people, threads and
 * replies, Zipf-distributed tags (some hierarchical, some accented), URLs over a few thousand sites, stars and
 * follows, and every derived table the pages read (thread_tags, thread_sources, tag and site counters,
 * site_paths/site_threads, thread_search), as the write path would leave them. Keys, foreign keys and indexes are
 * dropped, the rows streamed into COPY on several connections at once, then keys and indexes built and foreign keys
 * checked once per table; search documents are folded here and checked against the write path's SQL function.
 * <p>
 * Arguments: {@code --url jdbc:postgresql://… --user … --password … --messages 1000000 [--people N]
 * [--tags N] [--sites N] [--replies 0.3] [--seed N] [--out file.properties]}.
 */
public final class CorpusGenerator {

	/** The password of every generated person, so that the harness can sign in. */
	public static final String PASSWORD = "bench-password";

	private static final String[] WORDS = ("énergie solaire réseau données école santé climat économie ville vélo "
			+ "transport logement musique cinéma lecture science recherche université hôpital médecine forêt rivière "
			+ "océan montagne agriculture alimentation café marché travail emploi salaire grève élection démocratie "
			+ "justice liberté égalité presse journal article rapport étude enquête histoire mémoire archive patrimoine "
			+ "langue traduction poésie roman théâtre peinture photographie architecture design logiciel libre code "
			+ "serveur sécurité vie privée surveillance algorithme intelligence modèle calcul mathématiques physique "
			+ "chimie biologie génétique évolution espèce oiseau insecte abeille plante graine jardin cuisine recette "
			+ "energy solar network data school health climate economy city bicycle transport housing music film "
			+ "reading science research university hospital medicine forest river ocean mountain farming food coffee "
			+ "market work job wage strike election democracy justice freedom equality press newspaper report study "
			+ "survey history memory archive heritage language translation poetry novel theatre painting photography "
			+ "architecture software free code server security privacy surveillance algorithm model computing "
			+ "mathematics physics chemistry biology genetics evolution species bird insect bee plant seed garden "
			+ "kitchen recipe naïve façade cœur où déjà très après été noël").split(" ");

	private static final String[] TAG_STEMS = ("écologie santé numérique politique culture science éducation "
			+ "économie société climat énergie transport urbanisme agriculture médias justice histoire géographie "
			+ "littérature musique cinéma photographie design logiciel sécurité féminisme travail logement migration "
			+ "europe afrique asie amérique océanie france québec belgique suisse").split(" ");

	private final Map<String, String> options;

	private final SplittableRandom random;

	private final int messages;

	private final int people;

	private final int tagCount;

	private final int sites;

	private final int linkPool;

	private final double replyShare;

	private final Instant end = Instant.now().truncatedTo(ChronoUnit.SECONDS);

	private final Instant start;

	// The corpus in memory: per message, its thread (index into the thread arrays) and time.
	private int[] messageThread;

	private long[] messageMicros;

	private int[] messageAuthor;

	// Per thread (a thread's index i is its position among first messages).
	private long[] threadMessageId;

	private int[] threadAuthor;

	private long[] threadActivity;

	private int[] threadReplies;

	private int[] threadStars;

	private int[] threadLink;

	private int[][] threadTags;

	private int threads;

	private String[] tagKeys;

	private String[] tagDisplays;

	private int[] tagThreads;

	private int[] tagUses;

	private long[] tagChanged;

	private double[] tagCdf;

	private double[] siteCdf;

	// Derived from the plan: stars, links and sites, replies per thread, follows.
	private int[] starThread;

	private int[] starPerson;

	private long[] starredAt;

	private int starRows;

	private int[] linkSite;

	private int[] linkThreads;

	private long[] linkFirst;

	private int[] siteThreads;

	/** The replies of thread t, oldest first, are replyIds[replyStart[t]] to replyIds[replyStart[t + 1] - 1]. */
	private int[] replyStart;

	private int[] replyIds;

	private final Map<Integer, List<Integer>> repliersByThread = new HashMap<>();

	private int[][] follows;

	private final Set<String> vacuumed = new HashSet<>();

	/** search_fold of each character the texts can hold, as the database computes it. */
	private final String[] folds = new String[Character.MAX_VALUE + 1];

	private String[] foldedWords;

	private String[] foldedDisplays;

	private CorpusGenerator(Map<String, String> options) {
		this.options = options;
		this.messages = Integer.parseInt(options.getOrDefault("messages", "1000000"));
		this.people = Integer.parseInt(options.getOrDefault("people", Integer.toString(Math.max(300, this.messages / 100))));
		this.tagCount = Integer.parseInt(options.getOrDefault("tags", Integer.toString(Math.max(200, this.messages / 20))));
		this.sites = Integer.parseInt(options.getOrDefault("sites", "3000"));
		this.linkPool = Math.max(100, this.messages / 2);
		this.replyShare = Double.parseDouble(options.getOrDefault("replies", "0.3"));
		this.random = new SplittableRandom(Long.parseLong(options.getOrDefault("seed", "20261129")));
		this.start = this.end.minus(730, ChronoUnit.DAYS);
	}

	public static void main(String[] args) throws Exception {
		Map<String, String> options = new HashMap<>();
		for (int i = 0; i + 1 < args.length; i += 2) {
			if (!args[i].startsWith("--")) {
				throw new IllegalArgumentException("Expected --name value pairs, got " + args[i]);
			}
			options.put(args[i].substring(2), args[i + 1]);
		}
		new CorpusGenerator(options).run();
	}

	private void run() throws Exception {
		String url = required("url");
		long began = System.nanoTime();
		migrate(url);
		System.out.printf("Migrated in %.1f s%n", seconds(began));
		long planned = System.nanoTime();
		makeTags();
		plan();
		derive();
		System.out.printf("Planned %,d messages (%,d threads) in %.1f s%n", this.messages, this.threads, seconds(planned));
		long loaded = System.nanoTime();
		LoadSchema schema;
		try (Connection connection = connect(url)) {
			learnFold(connection);
			schema = LoadSchema.dropFrom(connection, LOADED);
		}
		load(url, schema);
		System.out.printf("Loaded every table (%d keys and indexes built again), checked and vacuumed: %.1f s%n",
				schema.keyAndIndexCount(), seconds(loaded));
		double total = seconds(began);
		double generation = seconds(planned);
		System.out.printf("Generated %,d messages in %.1f s (without migrations: %.1f s): %,.0f messages/s%n",
				this.messages, total, generation, this.messages / generation);
		long checked = System.nanoTime();
		checkDocuments(url);
		System.out.printf("(check: %.1f s, not counted)%n", seconds(checked));
		writeSummary();
	}

	private String required(String name) {
		String value = this.options.get(name);
		if (value == null) {
			throw new IllegalArgumentException("Missing --" + name);
		}
		return value;
	}

	private static double seconds(long since) {
		return (System.nanoTime() - since) / 1e9;
	}

	/** The schema, as the application would create it (its Java migration included). */
	private void migrate(String url) throws ReflectiveOperationException {
		Class<?> type = Class.forName("org.veille.link.V3_1__Rederive_message_links");
		Constructor<?> constructor = type.getDeclaredConstructor();
		constructor.setAccessible(true);
		Flyway.configure()
			.dataSource(url, required("user"), required("password"))
			.locations("classpath:db/migration")
			.javaMigrations((JavaMigration) constructor.newInstance())
			.load()
			.migrate();
	}

	/** Tags: stems, hierarchical children ("santé/vaccins"), and numbered ones, most used first. */
	private void makeTags() {
		this.tagKeys = new String[this.tagCount];
		this.tagDisplays = new String[this.tagCount];
		Set<String> seen = new HashSet<>();
		int n = 0;
		for (String stem : TAG_STEMS) {
			if (n < this.tagCount && seen.add(TagKeys.fold(stem))) {
				this.tagDisplays[n++] = stem;
			}
		}
		for (int i = 0; n < this.tagCount; i++) {
			String display;
			if (i % 3 == 0) {
				display = TAG_STEMS[i % TAG_STEMS.length] + "/" + WORDS[(i / 3) % WORDS.length] + ((i >= 3 * WORDS.length) ? Integer.toString(i) : "");
			}
			else {
				display = WORDS[i % WORDS.length] + i;
			}
			if (seen.add(TagKeys.fold(display))) {
				this.tagDisplays[n++] = display;
			}
		}
		for (int i = 0; i < this.tagCount; i++) {
			this.tagKeys[i] = TagKeys.fold(this.tagDisplays[i]);
		}
		this.tagThreads = new int[this.tagCount];
		this.tagUses = new int[this.tagCount];
		this.tagChanged = new long[this.tagCount];
		this.tagCdf = zipf(this.tagCount, 1.0);
		this.siteCdf = zipf(this.sites, 1.0);
	}

	private static double[] zipf(int n, double exponent) {
		double[] cdf = new double[n];
		double sum = 0;
		for (int i = 0; i < n; i++) {
			sum += 1 / Math.pow(i + 1, exponent);
			cdf[i] = sum;
		}
		for (int i = 0; i < n; i++) {
			cdf[i] /= sum;
		}
		return cdf;
	}

	private static int draw(double[] cdf, SplittableRandom random) {
		int index = Arrays.binarySearch(cdf, random.nextDouble());
		return Math.min(cdf.length - 1, (index >= 0) ? index : -index - 1);
	}

	/** Who writes what when: threads and replies along two years, the first thread with 50 replies, stars. */
	private void plan() {
		this.messageThread = new int[this.messages];
		this.messageMicros = new long[this.messages];
		this.messageAuthor = new int[this.messages];
		int maxThreads = this.messages;
		this.threadMessageId = new long[maxThreads];
		this.threadAuthor = new int[maxThreads];
		this.threadActivity = new long[maxThreads];
		this.threadReplies = new int[maxThreads];
		this.threadStars = new int[maxThreads];
		this.threadLink = new int[maxThreads];
		this.threadTags = new int[maxThreads][];
		long span = ChronoUnit.MICROS.between(this.start, this.end);
		long startMicros = ChronoUnit.MICROS.between(Instant.EPOCH, this.start);
		int benchReplies = 50;
		for (int m = 0; m < this.messages; m++) {
			long micros = startMicros + span * m / this.messages + this.random.nextInt(1000);
			this.messageMicros[m] = micros;
			int author = this.random.nextInt(this.people);
			boolean reply = m > 0 && (benchReplies > 0 || this.random.nextDouble() < this.replyShare) && this.threads > 1;
			int thread;
			if (m > 0 && benchReplies > 0) {
				thread = 0;
				benchReplies--;
				reply = true;
			}
			else if (reply) {
				thread = 1 + this.random.nextInt(Math.min(this.threads - 1, 5000)) + Math.max(0, this.threads - 1 - 5000);
			}
			else {
				thread = this.threads++;
				this.threadMessageId[thread] = m + 1;
				this.threadAuthor[thread] = author;
				this.threadLink[thread] = (this.random.nextDouble() < 0.7) ? this.random.nextInt(this.linkPool) : -1;
				int tagsHere = this.random.nextInt(4);
				int[] tags = new int[tagsHere];
				for (int t = 0; t < tagsHere; t++) {
					tags[t] = draw(this.tagCdf, this.random);
				}
				// In id order: the write path's search document lists a thread's tags in an order its plan decides
				// (by id or as written, docs/architecture.md "Search"); written in id order, both agree.
				this.threadTags[thread] = Arrays.stream(tags).distinct().sorted().toArray();
				for (int tag : this.threadTags[thread]) {
					this.tagThreads[tag]++;
					this.tagUses[tag]++;
					this.tagChanged[tag] = Math.max(this.tagChanged[tag], micros);
				}
			}
			if (reply) {
				this.threadReplies[thread]++;
			}
			this.messageThread[m] = thread;
			this.messageAuthor[m] = author;
			this.threadActivity[thread] = Math.max(this.threadActivity[thread], micros);
		}
	}

	/**
	 * What the rows need beyond the plan, drawn in the same order as ever so that a seed gives the same rows:
	 * stars, the sites of links, which links and sites are cited, who replied to what, follows.
	 */
	private void derive() {
		// Stars: a tenth of the number of messages, on recent threads, never one's own.
		Set<Long> starred = new HashSet<>();
		int stars = this.messages / 10;
		this.starredAt = new long[stars];
		this.starThread = new int[stars];
		this.starPerson = new int[stars];
		for (int s = 0; s < stars; s++) {
			int thread = this.random.nextInt(this.threads);
			int person = this.random.nextInt(this.people);
			if (person == this.threadAuthor[thread] || !starred.add((long) thread * this.people + person)) {
				continue;
			}
			long created = this.messageMicros[(int) this.threadMessageId[thread] - 1];
			long at = Math.min(created + this.random.nextLong(3L * 86_400_000_000L),
					ChronoUnit.MICROS.between(Instant.EPOCH, this.end));
			this.starThread[this.starRows] = thread;
			this.starPerson[this.starRows] = person;
			this.starredAt[this.starRows] = at;
			this.starRows++;
			this.threadStars[thread]++;
			this.threadActivity[thread] = Math.max(this.threadActivity[thread], at);
		}
		// Sites and links: a link is a page /p<n> of a site; only cited links are written.
		this.linkSite = new int[this.linkPool];
		this.linkThreads = new int[this.linkPool];
		this.siteThreads = new int[this.sites];
		this.linkFirst = new long[this.linkPool];
		for (int l = 0; l < this.linkPool; l++) {
			this.linkSite[l] = draw(this.siteCdf, this.random);
		}
		// Replies of each thread, oldest first (as the search document orders them), and who wrote them.
		this.replyStart = new int[this.threads + 1];
		for (int t = 0; t < this.threads; t++) {
			this.replyStart[t + 1] = this.replyStart[t] + this.threadReplies[t];
		}
		this.replyIds = new int[this.replyStart[this.threads]];
		int[] filled = new int[this.threads];
		for (int m = 0; m < this.messages; m++) {
			int thread = this.messageThread[m];
			if (this.threadMessageId[thread] == m + 1) {
				int link = this.threadLink[thread];
				if (link >= 0) {
					if (this.linkThreads[link]++ == 0) {
						this.linkFirst[link] = this.messageMicros[m];
					}
					this.siteThreads[this.linkSite[link]]++;
				}
			}
			else {
				this.replyIds[this.replyStart[thread] + filled[thread]++] = m;
				if (this.messageAuthor[m] != this.threadAuthor[thread]) {
					this.repliersByThread.computeIfAbsent(thread, (key) -> new ArrayList<>()).add(this.messageAuthor[m]);
				}
			}
		}
		for (int t = 0; t < this.threads; t++) {
			// Insertion sort by time (ids ascending already): replies are few per thread and nearly sorted.
			for (int i = this.replyStart[t] + 1; i < this.replyStart[t + 1]; i++) {
				int m = this.replyIds[i];
				int j = i - 1;
				while (j >= this.replyStart[t] && this.messageMicros[this.replyIds[j]] > this.messageMicros[m]) {
					this.replyIds[j + 1] = this.replyIds[j];
					j--;
				}
				this.replyIds[j + 1] = m;
			}
		}
		// Follows: everyone follows ten people; person 1 (login p1) follows 200 people and 50 tags.
		this.follows = new int[this.people][];
		for (int p = 0; p < this.people; p++) {
			Set<Integer> followed = new HashSet<>();
			int wanted = (p == 0) ? Math.min(200, this.people - 1) : Math.min(10, this.people - 1);
			while (followed.size() < wanted) {
				int other = (p == 0) ? 1 + followed.size() : this.random.nextInt(this.people);
				if (other != p) {
					followed.add(other);
				}
			}
			this.follows[p] = followed.stream().mapToInt(Integer::intValue).toArray();
		}
	}

	/** A message's text: its title, its body (first messages cite their link and end with their tags), its uuid. */
	private record MessageText(String title, String body, UUID uuid) {
	}

	private MessageText text(int m) {
		return text(m, false);
	}

	/**
	 * The text of a message, or (folded) the same text as search_fold would give it: the same draws pick the folded
	 * spellings of the same words and tags (the fold goes one character at a time, so a text's fold is its parts'
	 * folds put together).
	 */
	private MessageText text(int m, boolean folded) {
		String[] vocabulary = folded ? this.foldedWords : WORDS;
		String[] spellings = folded ? this.foldedDisplays : this.tagDisplays;
		int thread = this.messageThread[m];
		long id = m + 1;
		SplittableRandom text = new SplittableRandom(Long.rotateLeft(id * 0xBF58476D1CE4E5B9L, 29) ^ 0x94D049BB133111EBL);
		StringBuilder body = new StringBuilder(400);
		String title = words(text, 4 + text.nextInt(6), vocabulary);
		body.append(title);
		if (this.threadMessageId[thread] == id) {
			int link = this.threadLink[thread];
			if (link >= 0) {
				String url = url(link, this.linkSite[link]);
				body.append('\n').append(folded ? fold(url) : url);
			}
			body.append("\n\n").append(words(text, 15 + text.nextInt(30), vocabulary));
			for (int tag : this.threadTags[thread]) {
				body.append(" #").append(spellings[tag]);
			}
		}
		else {
			body.append(' ').append(words(text, 5 + text.nextInt(20), vocabulary));
		}
		return new MessageText(title, body.toString(), new UUID(text.nextLong(), id));
	}

	/** A cited page's title and description, as if fetched. */
	private static String[] linkTexts(int link) {
		SplittableRandom text = new SplittableRandom(Long.rotateLeft((link + 1) * 0xBF58476D1CE4E5B9L, 31));
		String title = capitalized(words(text, 3 + text.nextInt(6)));
		return new String[] { title, words(text, 10 + text.nextInt(20)) };
	}

	/** The rows of one table, written in COPY's text format. */
	@FunctionalInterface
	private interface Rows {

		void write(Writer out) throws IOException;

	}

	/**
	 * The search documents, then every other table at once, each streamed from memory into COPY on a connection of
	 * its own and given its keys and indexes back; then the foreign keys, checked once per table, and VACUUM ANALYZE
	 * (for all but the documents while their GIN index still builds).
	 */
	private void load(String url, LoadSchema schema) throws Exception {
		// The documents first, on every core: their index (GIN, the longest build and on one core) then builds
		// while the other tables load, instead of alone at the end.
		long began = System.nanoTime();
		buildDocuments(url);
		System.out.printf("  %-15s %,12d rows %8.1f s (search documents)%n", "thread_search", this.threads, seconds(began));
		ExecutorService pool = Executors.newCachedThreadPool();
		try {
			Future<Void> searchIndexed = pool.submit(() -> {
				long indexed = System.nanoTime();
				try (Connection connection = connect(url); Statement statement = connection.createStatement()) {
					// The GIN index of 700,000 documents builds in fewer passes with more memory.
					statement.execute("set maintenance_work_mem = '1GB'");
					schema.restoreKeysAndIndexes(connection, "thread_search");
				}
				System.out.printf("  %-15s keys and indexes %8.1f s%n", "thread_search", seconds(indexed));
				return null;
			});
			List<Future<Void>> tables = new ArrayList<>();
			tables.add(pool.submit(() -> loadTables(url, schema, List.of("messages"))));
			tables.add(pool.submit(() -> loadTables(url, schema, List.of("thread_sources"))));
			tables.add(pool.submit(() -> loadTables(url, schema, List.of("message_tags", "thread_tags", "message_links"))));
			tables.add(pool.submit(() -> loadTables(url, schema, List.of("site_paths", "links", "site_threads"))));
			tables.add(pool.submit(() -> loadTables(url, schema, List.of("accounts", "tags", "tag_spellings", "stars",
					"person_follows", "tag_follows"))));
			for (Future<Void> table : tables) {
				table.get();
			}
			try (Connection connection = connect(url); Statement statement = connection.createStatement()) {
				for (String table : List.of("accounts", "tags", "site_paths", "links", "messages")) {
					statement.execute("select setval(pg_get_serial_sequence('" + table + "', 'id'), (select max(id) from "
							+ table + "))");
				}
			}
			// While the GIN index still builds: the other tables' foreign keys, and their VACUUM ANALYZE.
			finish(url, schema, List.of("thread_search"));
			searchIndexed.get();
			finish(url, schema, List.of());
		}
		finally {
			pool.shutdownNow();
		}
	}

	/** Foreign keys back and checked, then VACUUM ANALYZE, for every loaded table but these. */
	private void finish(String url, LoadSchema schema, List<String> notYet) throws Exception {
		long checked = System.nanoTime();
		List<String> validations;
		try (Connection connection = connect(url)) {
			validations = schema.restoreForeignKeysAvoiding(connection, notYet);
		}
		runStatements(url, validations);
		System.out.printf("  %d foreign keys added and checked in %.1f s%n", validations.size(), seconds(checked));
		long analysed = System.nanoTime();
		List<String> vacuums = new ArrayList<>();
		for (String table : LOADED) {
			if (!notYet.contains(table) && this.vacuumed.add(table)) {
				vacuums.add("vacuum analyze " + table);
			}
		}
		runStatements(url, vacuums);
		System.out.printf("  VACUUM ANALYZE of %d tables: %.1f s%n", vacuums.size(), seconds(analysed));
	}

	private Void loadTables(String url, LoadSchema schema, List<String> tables) throws Exception {
		try (Connection connection = connect(url)) {
			for (String table : tables) {
				long began = System.nanoTime();
				long rows = copy(connection, table, rows(table));
				double copied = seconds(began);
				long indexed = System.nanoTime();
				schema.restoreKeysAndIndexes(connection, table);
				System.out.printf("  %-15s %,12d rows %8.1f s, keys and indexes %5.1f s%n", table, rows, copied,
						seconds(indexed));
			}
		}
		return null;
	}

	private Connection connect(String url) throws SQLException {
		Connection connection = DriverManager.getConnection(url, required("user"), required("password"));
		try (Statement statement = connection.createStatement()) {
			statement.execute("set synchronous_commit = off");
			statement.execute("set maintenance_work_mem = '512MB'");
			// Checking a foreign key hash-joins a whole table: in memory rather than in batches on disk.
			statement.execute("set work_mem = '256MB'");
		}
		return connection;
	}

	/**
	 * Streams rows into a table emptied in the same transaction, so that COPY may write them frozen (no hint bits
	 * to set or freezing to do later).
	 */
	private static long copy(Connection connection, String table, Rows rows) throws SQLException, IOException {
		connection.setAutoCommit(false);
		try (Statement statement = connection.createStatement()) {
			statement.execute("truncate " + table);
		}
		CopyIn copy = connection.unwrap(PGConnection.class)
			.getCopyAPI()
			.copyIn("copy " + table + " (" + COLUMNS.get(table) + ") from stdin with (freeze)");
		try {
			Writer out = new CopyWriter(copy);
			rows.write(out);
			out.flush();
			long count = copy.endCopy();
			connection.commit();
			return count;
		}
		finally {
			if (copy.isActive()) {
				copy.cancelCopy();
			}
			connection.setAutoCommit(true);
		}
	}

	private static void runAll(List<Callable<Void>> tasks, int threads) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		try {
			for (Future<Void> future : pool.invokeAll(tasks)) {
				future.get();
			}
		}
		finally {
			pool.shutdownNow();
		}
	}

	/** Independent statements on as many connections as there are processors. */
	private void runStatements(String url, List<String> statements) throws Exception {
		Queue<String> queue = new ConcurrentLinkedQueue<>(statements);
		List<Callable<Void>> workers = new ArrayList<>();
		for (int w = 0; w < Runtime.getRuntime().availableProcessors(); w++) {
			workers.add(() -> {
				try (Connection connection = connect(url); Statement statement = connection.createStatement()) {
					for (String sql = queue.poll(); sql != null; sql = queue.poll()) {
						statement.execute(sql);
					}
				}
				return null;
			});
		}
		runAll(workers, workers.size());
	}

	private Rows rows(String table) throws NoSuchAlgorithmException {
		switch (table) {
			case "accounts":
				String hash = PasswordEncoderFactories.createDelegatingPasswordEncoder().encode(PASSWORD);
				return (out) -> {
					for (int p = 0; p < this.people; p++) {
						row(out, Long.toString(p + 1), "p" + (p + 1), "p" + (p + 1) + "@bench.invalid", hash,
								"Personne " + (p + 1), ts(this.messageMicros[0]));
					}
				};
			case "messages":
				return (out) -> {
					for (int m = 0; m < this.messages; m++) {
						int thread = this.messageThread[m];
						boolean first = this.threadMessageId[thread] == m + 1;
						MessageText text = text(m);
						String created = ts(this.messageMicros[m]);
						row(out, Long.toString(m + 1), text.uuid().toString(), Integer.toString(this.messageAuthor[m] + 1),
								first ? "\\N" : Long.toString(this.threadMessageId[thread]), text.body(), text.title(),
								created, created, "\\N", first ? ts(this.threadActivity[thread]) : created,
								first ? Integer.toString(this.threadReplies[thread]) : "0",
								first ? Integer.toString(this.threadStars[thread]) : "0");
					}
				};
			case "message_tags":
				return (out) -> {
					for (int t = 0; t < this.threads; t++) {
						int position = 0;
						for (int tag : this.threadTags[t]) {
							row(out, Long.toString(this.threadMessageId[t]), Long.toString(tag + 1),
									Integer.toString(position++));
						}
					}
				};
			case "thread_tags":
				return (out) -> {
					for (int t = 0; t < this.threads; t++) {
						for (int tag : this.threadTags[t]) {
							row(out, Long.toString(tag + 1), Long.toString(this.threadMessageId[t]),
									ts(this.messageMicros[(int) this.threadMessageId[t] - 1]));
						}
					}
				};
			case "message_links":
				return (out) -> {
					for (int t = 0; t < this.threads; t++) {
						if (this.threadLink[t] >= 0) {
							row(out, Long.toString(this.threadMessageId[t]), Long.toString(this.threadLink[t] + 1), "0");
						}
					}
				};
			case "stars":
				return (out) -> {
					for (int s = 0; s < this.starRows; s++) {
						row(out, Long.toString(this.starPerson[s] + 1), Long.toString(this.threadMessageId[this.starThread[s]]),
								ts(this.starredAt[s]));
					}
				};
			case "tags":
				return (out) -> {
					for (int t = 0; t < this.tagCount; t++) {
						if (this.tagUses[t] > 0) {
							row(out, Long.toString(t + 1), this.tagKeys[t], this.tagDisplays[t],
									Integer.toString(this.tagThreads[t]), ts(this.tagChanged[t]));
						}
					}
				};
			case "tag_spellings":
				return (out) -> {
					for (int t = 0; t < this.tagCount; t++) {
						if (this.tagUses[t] > 0) {
							row(out, Long.toString(t + 1), this.tagDisplays[t], Integer.toString(this.tagUses[t]));
						}
					}
				};
			case "site_paths":
				// The site (ids 1..sites) and each cited page (ids after them); links point at their page.
				return (out) -> {
					for (int s = 0; s < this.sites; s++) {
						if (this.siteThreads[s] > 0) {
							row(out, Long.toString(s + 1), host(s), "", "\\N", Integer.toString(this.siteThreads[s]));
						}
					}
					for (int l = 0; l < this.linkPool; l++) {
						if (this.linkThreads[l] > 0) {
							row(out, Long.toString(this.sites + l + 1L), host(this.linkSite[l]), "/p" + l, "",
									Integer.toString(this.linkThreads[l]));
						}
					}
				};
			case "links":
				MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
				return (out) -> {
					for (int l = 0; l < this.linkPool; l++) {
						if (this.linkThreads[l] == 0) {
							continue;
						}
						String url = url(l, this.linkSite[l]);
						NormalizedUrl normalized = UrlNormalizer.normalize(url).orElseThrow();
						byte[] digest = sha256.digest(normalized.key().getBytes(StandardCharsets.UTF_8));
						String[] texts = linkTexts(l);
						row(out, Long.toString(l + 1), url, host(this.linkSite[l]), ts(this.linkFirst[l]), normalized.key(),
								"\\\\x" + hex(digest), Long.toString(this.sites + l + 1L), "fetched", ts(this.linkFirst[l]),
								ts(this.linkFirst[l]), texts[0], texts[1]);
					}
				};
			case "site_threads":
				return (out) -> {
					for (int t = 0; t < this.threads; t++) {
						int link = this.threadLink[t];
						if (link >= 0) {
							String id = Long.toString(this.threadMessageId[t]);
							String published = ts(this.messageMicros[(int) this.threadMessageId[t] - 1]);
							row(out, Long.toString(this.linkSite[link] + 1), id, published);
							row(out, Long.toString(this.sites + link + 1L), id, published);
						}
					}
				};
			case "thread_sources":
				// The home stream's reasons: the author, the tags, the sites, the repliers and the starrers.
				return (out) -> {
					for (int t = 0; t < this.threads; t++) {
						String id = Long.toString(this.threadMessageId[t]);
						String author = Integer.toString(this.threadAuthor[t] + 1);
						String activity = ts(this.threadActivity[t]);
						row(out, "author", author, id, author, activity);
						for (int tag : this.threadTags[t]) {
							row(out, "tag", Long.toString(tag + 1), id, author, activity);
						}
						int link = this.threadLink[t];
						if (link >= 0) {
							for (String site : SiteKeys.of(url(link, this.linkSite[link]))) {
								row(out, "site", site, id, author, activity);
							}
						}
						List<Integer> repliers = this.repliersByThread.get(t);
						if (repliers != null) {
							for (int replier : new HashSet<>(repliers)) {
								row(out, "replier", Integer.toString(replier + 1), id, author, activity);
							}
						}
					}
					for (int s = 0; s < this.starRows; s++) {
						int t = this.starThread[s];
						row(out, "starrer", Integer.toString(this.starPerson[s] + 1), Long.toString(this.threadMessageId[t]),
								Integer.toString(this.threadAuthor[t] + 1), ts(this.threadActivity[t]));
					}
				};
			case "person_follows":
				return (out) -> {
					String since = ts(this.messageMicros[0]);
					for (int p = 0; p < this.people; p++) {
						for (int other : this.follows[p]) {
							row(out, Integer.toString(p + 1), Integer.toString(other + 1), since);
						}
					}
				};
			case "tag_follows":
				return (out) -> {
					String since = ts(this.messageMicros[0]);
					int tagFollows = 0;
					for (int t = 10; t < this.tagCount && tagFollows < 50; t++) {
						if (this.tagUses[t] > 0) {
							row(out, "1", Integer.toString(t + 1), since);
							tagFollows++;
						}
					}
				};
			default:
				throw new IllegalArgumentException("No rows for " + table);
		}
	}

	/** The tables the generator fills, the search documents last. */
	private static final List<String> LOADED = List.of("accounts", "tags", "tag_spellings", "site_paths", "links",
			"messages", "message_tags", "thread_tags", "message_links", "site_threads", "stars", "person_follows",
			"tag_follows", "thread_sources", "thread_search");

	private static final Map<String, String> COLUMNS = Map.ofEntries(
			Map.entry("accounts", "id, login, email, password_hash, display_name, created_at"),
			Map.entry("tags", "id, key, display, thread_count, changed_at"),
			Map.entry("tag_spellings", "tag_id, display, uses"),
			Map.entry("site_paths", "id, host, path, parent_path, thread_count"),
			Map.entry("links", "id, url, host, created_at, normalized, normalized_hash, site_path_id, fetch_status, "
					+ "checked_at, fetched_at, title, description"),
			Map.entry("messages", "id, uuid, author_id, thread_id, body, title, created_at, updated_at, deleted_at, "
					+ "activity_at, reply_count, star_count"),
			Map.entry("message_tags", "message_id, tag_id, position"),
			Map.entry("thread_tags", "tag_id, thread_id, published_at"),
			Map.entry("message_links", "message_id, link_id, position"),
			Map.entry("site_threads", "site_path_id, thread_id, published_at"),
			Map.entry("stars", "account_id, thread_id, starred_at"),
			Map.entry("person_follows", "follower_id, followee_id, created_at"),
			Map.entry("tag_follows", "account_id, tag_id, created_at"),
			Map.entry("thread_sources", "kind, key, thread_id, author_id, activity_at"));

	/**
	 * The search documents, exactly as the write path's SQL function {@code refresh_thread_search} builds them
	 * (migration V5), without its cost: that function folds every text with {@code search_fold} (a long
	 * {@code translate}, which costs about ten times {@code to_tsvector} itself) and gathers each thread's
	 * replies, tags and pages by lookups. Here each thread's four texts are put together and folded in Java, character
	 * by character through the database's own {@code search_fold} of every character they can hold (the fold is
	 * one character at a time: lower case, then replacements), and only {@code to_tsvector} and {@code setweight}
	 * run in the database, one statement per batch of threads, on one more connection than there are processors.
	 * {@link #checkDocuments} compares a sample with what the function gives.
	 */
	private void buildDocuments(String url) throws Exception {
		int batch = 5_000;
		AtomicInteger next = new AtomicInteger();
		List<Callable<Void>> workers = new ArrayList<>();
		// One more worker than processors: each alternates between putting texts together (here) and indexing
		// them (in the database).
		for (int w = 0; w <= Runtime.getRuntime().availableProcessors(); w++) {
			workers.add(() -> {
				try (Connection connection = connect(url);
						PreparedStatement insert = connection.prepareStatement("""
								insert into thread_search (thread_id, published_at, document)
								select u.id, u.published_at,
								    setweight(to_tsvector('simple', u.a), 'A') || setweight(to_tsvector('simple', u.b), 'B')
								    || setweight(to_tsvector('simple', u.c), 'C') || setweight(to_tsvector('simple', u.d), 'D')
								from unnest(?::bigint[], ?::text[]::timestamptz[], ?::text[], ?::text[], ?::text[], ?::text[])
								    as u(id, published_at, a, b, c, d)
								""")) {
					for (int from = next.getAndAdd(batch); from < this.threads; from = next.getAndAdd(batch)) {
						int to = Math.min(this.threads, from + batch);
						int n = to - from;
						long[] ids = new long[n];
						String[] published = new String[n];
						String[][] texts = new String[4][n];
						for (int t = from; t < to; t++) {
							ids[t - from] = this.threadMessageId[t];
							published[t - from] = ts(this.messageMicros[(int) this.threadMessageId[t] - 1]);
							String[] parts = documentTexts(t);
							for (int p = 0; p < 4; p++) {
								texts[p][t - from] = parts[p];
							}
						}
						// Arrays bound as objects travel in binary: the server need not parse 300 MB of array literals.
						insert.setObject(1, ids);
						insert.setObject(2, published);
						for (int p = 0; p < 4; p++) {
							insert.setObject(3 + p, texts[p]);
						}
						insert.executeUpdate();
					}
				}
				return null;
			});
		}
		runAll(workers, workers.size());
	}

	/**
	 * A thread's four texts, folded, as {@code refresh_thread_search} reads them: the first message (A), its tags'
	 * keys with / and _ as spaces (B), its replies oldest first (C), the titles and descriptions of the pages it cites
	 * (D). Generated replies cite no page.
	 */
	private String[] documentTexts(int t) {
		int first = (int) this.threadMessageId[t] - 1;
		String a = foldedBody(first, 100_000);
		StringBuilder tags = new StringBuilder();
		for (int tag : this.threadTags[t]) {
			if (tags.length() > 0) {
				tags.append(' ');
			}
			tags.append(this.tagKeys[tag].replace('/', ' ').replace('_', ' '));
		}
		StringBuilder replies = new StringBuilder();
		for (int i = this.replyStart[t]; i < this.replyStart[t + 1]; i++) {
			if (i > this.replyStart[t]) {
				replies.append(' ');
			}
			replies.append(text(this.replyIds[i], true).body());
		}
		String c = replies.toString();
		if (c.length() > 200_000) {
			// Folding may lengthen a text: cut the original, as SQL does, and fold it.
			replies.setLength(0);
			for (int i = this.replyStart[t]; i < this.replyStart[t + 1]; i++) {
				if (i > this.replyStart[t]) {
					replies.append(' ');
				}
				replies.append(text(this.replyIds[i]).body());
			}
			c = fold(left(replies.toString(), 200_000));
		}
		String d = "";
		if (this.threadLink[t] >= 0) {
			String[] page = linkTexts(this.threadLink[t]);
			d = fold(left(page[0] + " " + page[1], 100_000));
		}
		return new String[] { a, fold(tags.toString()), c, d };
	}

	/** search_fold(left(body, characters)) of a message. */
	private String foldedBody(int m, int characters) {
		String folded = text(m, true).body();
		return (folded.length() <= characters) ? folded : fold(left(text(m).body(), characters));
	}

	/** SQL's left(): the first characters (code points) of a text. */
	private static String left(String text, int characters) {
		if (text.codePointCount(0, text.length()) <= characters) {
			return text;
		}
		return text.substring(0, text.offsetByCodePoints(0, characters));
	}

	/**
	 * Asks the database for {@code search_fold} of every character the generated texts can hold: words (and
	 * capitalised), tags' spellings and keys, URLs.
	 */
	private void learnFold(Connection connection) throws SQLException {
		Set<String> characters = new HashSet<>();
		List<String> texts = new ArrayList<>(Arrays.asList(WORDS));
		for (String word : WORDS) {
			texts.add(capitalized(word));
		}
		texts.addAll(Arrays.asList(this.tagDisplays));
		texts.addAll(Arrays.asList(this.tagKeys));
		texts.add("abcdefghijklmnopqrstuvwxyz0123456789 \n#/_:.-");
		for (String text : texts) {
			text.chars().forEach((c) -> characters.add(String.valueOf((char) c)));
		}
		try (PreparedStatement statement = connection.prepareStatement("select c, search_fold(c) from unnest(?::text[]) c")) {
			statement.setArray(1, connection.createArrayOf("text", characters.toArray()));
			try (ResultSet rs = statement.executeQuery()) {
				while (rs.next()) {
					this.folds[rs.getString(1).charAt(0)] = rs.getString(2);
				}
			}
		}
		for (String separator : List.of(" ", "\n", "#")) {
			if (!separator.equals(this.folds[separator.charAt(0)])) {
				throw new IllegalStateException("search_fold changes '" + separator + "': folded texts cannot be put together");
			}
		}
		this.foldedWords = Arrays.stream(WORDS).map(this::fold).toArray(String[]::new);
		this.foldedDisplays = Arrays.stream(this.tagDisplays).map(this::fold).toArray(String[]::new);
	}

	private String fold(String text) {
		StringBuilder folded = null;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			String fold = this.folds[c];
			if (fold == null) {
				throw new IllegalStateException("No fold learnt for the character U+%04X".formatted((int) c));
			}
			if (folded == null && (fold.length() != 1 || fold.charAt(0) != c)) {
				folded = new StringBuilder(text.length() + 16).append(text, 0, i);
			}
			if (folded != null) {
				if (fold.length() == 1) {
					folded.append(fold.charAt(0));
				}
				else {
					folded.append(fold);
				}
			}
		}
		return (folded != null) ? folded.toString() : text;
	}

	/**
	 * Compares the documents of a sample of threads (all of them in a small corpus) with what the write path's
	 * function builds from the stored rows, and undoes what the function wrote. Fails on any difference.
	 */
	private void checkDocuments(String url) throws SQLException {
		int every = Math.max(1, this.threads / 5_000);
		List<Long> sample = new ArrayList<>();
		for (int t = 0; t < this.threads; t += every) {
			sample.add(this.threadMessageId[t]);
		}
		try (Connection connection = connect(url)) {
			connection.setAutoCommit(false);
			Array ids = connection.createArrayOf("bigint", sample.toArray());
			try (PreparedStatement keep = connection.prepareStatement(
					"create temporary table generated_documents on commit drop as select * from thread_search where thread_id = any(?)");
					PreparedStatement refresh = connection.prepareStatement("select refresh_thread_search(?)");
					PreparedStatement compare = connection.prepareStatement("""
							select count(*), count(*) filter (where g.document is distinct from s.document
							    or g.published_at is distinct from s.published_at)
							from generated_documents g full join (select * from thread_search where thread_id = any(?)) s
							    using (thread_id)
							""")) {
				keep.setArray(1, ids);
				keep.execute();
				refresh.setArray(1, ids);
				refresh.execute();
				compare.setArray(1, ids);
				try (ResultSet rs = compare.executeQuery()) {
					rs.next();
					if (rs.getLong(1) != sample.size() || rs.getLong(2) != 0) {
						throw new IllegalStateException("%d of %d generated search documents differ from refresh_thread_search's"
							.formatted(rs.getLong(2), rs.getLong(1)));
					}
				}
			}
			finally {
				connection.rollback();
			}
		}
		System.out.printf("Checked %,d search documents against refresh_thread_search: identical%n", sample.size());
	}

	/** What the harness needs: the pages to load. */
	private void writeSummary() throws IOException {
		int rare = this.tagCount - 1;
		while (rare > 0 && this.tagThreads[rare] < 3) {
			rare--;
		}
		Properties summary = new Properties();
		summary.setProperty("messages", Integer.toString(this.messages));
		summary.setProperty("threads", Integer.toString(this.threads));
		summary.setProperty("popular.tag", TagKeys.pathOf(this.tagKeys[0]));
		summary.setProperty("popular.tag.threads", Integer.toString(this.tagThreads[0]));
		summary.setProperty("rare.tag", TagKeys.pathOf(this.tagKeys[rare]));
		summary.setProperty("popular.key", this.tagKeys[0]);
		summary.setProperty("rare.key", this.tagKeys[rare]);
		summary.setProperty("rare.tag.threads", Integer.toString(this.tagThreads[rare]));
		summary.setProperty("thread", Long.toString(this.threadMessageId[0]));
		summary.setProperty("thread.replies", Integer.toString(this.threadReplies[0]));
		summary.setProperty("reader", "p1");
		summary.setProperty("password", PASSWORD);
		String out = this.options.getOrDefault("out", "corpus.properties");
		try (Writer writer = Files.newBufferedWriter(Path.of(out), StandardCharsets.UTF_8)) {
			summary.store(writer, "Written by CorpusGenerator");
		}
		System.out.println("Summary in " + out + ": " + summary);
	}

	private static String host(int site) {
		return "site" + site + ".example";
	}

	private static String url(int link, int site) {
		return "https://" + host(site) + "/p" + link;
	}

	private static String words(SplittableRandom random, int count) {
		return words(random, count, WORDS);
	}

	private static String words(SplittableRandom random, int count, String[] vocabulary) {
		StringBuilder text = new StringBuilder(count * 12);
		for (int i = 0; i < count; i++) {
			if (i > 0) {
				text.append(' ');
			}
			text.append(vocabulary[random.nextInt(vocabulary.length)]);
		}
		return text.toString();
	}

	private static String capitalized(String text) {
		return Character.toUpperCase(text.charAt(0)) + text.substring(1);
	}

	private static String hex(byte[] bytes) {
		StringBuilder hex = new StringBuilder(bytes.length * 2);
		for (byte b : bytes) {
			hex.append(Character.forDigit((b >> 4) & 0xF, 16)).append(Character.forDigit(b & 0xF, 16));
		}
		return hex.toString();
	}

	private static String ts(long micros) {
		return Instant.EPOCH.plus(micros, ChronoUnit.MICROS).toString();
	}

	/** One row of COPY's text format; generated values hold no tab, newline or backslash except the body's newlines. */
	private static void row(Writer out, String... values) throws IOException {
		for (int i = 0; i < values.length; i++) {
			if (i > 0) {
				out.write('\t');
			}
			String value = values[i];
			if (value.indexOf('\n') >= 0) {
				value = value.replace("\n", "\\n");
			}
			out.write(value);
		}
		out.write('\n');
	}

}
