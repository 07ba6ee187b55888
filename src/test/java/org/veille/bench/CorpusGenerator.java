package org.veille.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.lang.reflect.Constructor;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.migration.JavaMigration;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

import org.springframework.security.crypto.factory.PasswordEncoderFactories;

import org.veille.link.NormalizedUrl;
import org.veille.link.SiteKeys;
import org.veille.link.UrlNormalizer;
import org.veille.markup.TagKeys;

/**
 * Fills an empty database with a realistic corpus for the benchmarks (bench/README.md): people, threads and
 * replies, Zipf-distributed tags (some hierarchical, some accented), URLs over a few thousand sites, stars and
 * follows, and every derived table the pages read (thread_tags, thread_sources, tag and site counters,
 * site_paths/site_threads, thread_search), as the write path would leave them. Rows are written to files, then
 * loaded with COPY in foreign-key order; search documents are built by the same SQL function as the write path.
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

	private final Path work;

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

	private CorpusGenerator(Map<String, String> options) throws IOException {
		this.options = options;
		this.messages = Integer.parseInt(options.getOrDefault("messages", "1000000"));
		this.people = Integer.parseInt(options.getOrDefault("people", Integer.toString(Math.max(300, this.messages / 100))));
		this.tagCount = Integer.parseInt(options.getOrDefault("tags", Integer.toString(Math.max(200, this.messages / 20))));
		this.sites = Integer.parseInt(options.getOrDefault("sites", "3000"));
		this.linkPool = Math.max(100, this.messages / 2);
		this.replyShare = Double.parseDouble(options.getOrDefault("replies", "0.3"));
		this.random = new SplittableRandom(Long.parseLong(options.getOrDefault("seed", "20261129")));
		this.start = this.end.minus(730, ChronoUnit.DAYS);
		this.work = Files.createTempDirectory("veille-corpus");
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
		System.out.printf("Planned %,d messages (%,d threads) in %.1f s%n", this.messages, this.threads, seconds(planned));
		long written = System.nanoTime();
		Map<String, Path> files = writeFiles();
		System.out.printf("Wrote the rows in %.1f s%n", seconds(written));
		long copied = System.nanoTime();
		try (Connection connection = DriverManager.getConnection(url, required("user"), required("password"))) {
			load(connection, files);
			double loadSeconds = seconds(copied);
			System.out.printf("COPY of every table: %.1f s%n", loadSeconds);
			long analysedFirst = System.nanoTime();
			try (Statement statement = connection.createStatement()) {
				// Without statistics the documents' per-thread lookups would be planned as scans.
				statement.execute("analyze");
			}
			System.out.printf("ANALYZE: %.1f s%n", seconds(analysedFirst));
			long documents = System.nanoTime();
			buildDocuments(url);
			System.out.printf("Search documents: %.1f s%n", seconds(documents));
			long analysed = System.nanoTime();
			try (Statement statement = connection.createStatement()) {
				statement.execute("vacuum analyze");
			}
			System.out.printf("VACUUM ANALYZE: %.1f s%n", seconds(analysed));
		}
		double total = seconds(began);
		double generation = seconds(planned);
		System.out.printf("Generated %,d messages in %.1f s (without migrations: %.1f s): %,.0f messages/s%n",
				this.messages, total, generation, this.messages / generation);
		writeSummary();
		deleteWork(files);
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
				this.threadTags[thread] = Arrays.stream(tags).distinct().toArray();
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

	private Map<String, Path> writeFiles() throws IOException, NoSuchAlgorithmException {
		Map<String, Path> files = new LinkedHashMap<>();
		for (String table : List.of("accounts", "tags", "tag_spellings", "site_paths", "links", "messages",
				"message_tags", "thread_tags", "message_links", "site_threads", "stars", "person_follows", "tag_follows",
				"thread_sources")) {
			files.put(table, this.work.resolve(table + ".tsv"));
		}
		Map<String, Writer> out = new HashMap<>();
		for (Map.Entry<String, Path> file : files.entrySet()) {
			out.put(file.getKey(), new BufferedWriter(Files.newBufferedWriter(file.getValue(), StandardCharsets.UTF_8), 1 << 16));
		}
		String hash = PasswordEncoderFactories.createDelegatingPasswordEncoder().encode(PASSWORD);
		for (int p = 0; p < this.people; p++) {
			row(out.get("accounts"), Long.toString(p + 1), "p" + (p + 1), "p" + (p + 1) + "@bench.invalid", hash,
					"Personne " + (p + 1), ts(this.messageMicros[0]));
		}
		// Stars: a tenth of the number of messages, on recent threads, never one's own.
		Set<Long> starred = new HashSet<>();
		int stars = this.messages / 10;
		long[] starredAt = new long[stars];
		int[] starThread = new int[stars];
		int[] starPerson = new int[stars];
		int starRows = 0;
		for (int s = 0; s < stars; s++) {
			int thread = this.random.nextInt(this.threads);
			int person = this.random.nextInt(this.people);
			if (person == this.threadAuthor[thread] || !starred.add((long) thread * this.people + person)) {
				continue;
			}
			long created = this.messageMicros[(int) this.threadMessageId[thread] - 1];
			long at = Math.min(created + this.random.nextLong(3L * 86_400_000_000L),
					ChronoUnit.MICROS.between(Instant.EPOCH, this.end));
			starThread[starRows] = thread;
			starPerson[starRows] = person;
			starredAt[starRows] = at;
			starRows++;
			this.threadStars[thread]++;
			this.threadActivity[thread] = Math.max(this.threadActivity[thread], at);
		}
		// Sites and links: a link is a page /p<n> of a site; only cited links are written.
		int[] linkSite = new int[this.linkPool];
		int[] linkThreads = new int[this.linkPool];
		int[] siteThreads = new int[this.sites];
		long[] linkFirst = new long[this.linkPool];
		for (int l = 0; l < this.linkPool; l++) {
			linkSite[l] = draw(this.siteCdf, this.random);
		}
		Map<Integer, List<Integer>> repliersByThread = new HashMap<>();
		Writer messagesOut = out.get("messages");
		for (int m = 0; m < this.messages; m++) {
			int thread = this.messageThread[m];
			long id = m + 1;
			boolean first = this.threadMessageId[thread] == id;
			SplittableRandom text = new SplittableRandom(Long.rotateLeft(id * 0xBF58476D1CE4E5B9L, 29) ^ 0x94D049BB133111EBL);
			StringBuilder body = new StringBuilder(200);
			String title = words(text, 4 + text.nextInt(6));
			body.append(title);
			if (first) {
				int link = this.threadLink[thread];
				if (link >= 0) {
					body.append('\n').append(url(link, linkSite[link]));
					row(out.get("message_links"), Long.toString(id), Long.toString(link + 1), "0");
					if (linkThreads[link]++ == 0) {
						linkFirst[link] = this.messageMicros[m];
						siteThreads[linkSite[link]]++;
					}
					else {
						siteThreads[linkSite[link]]++;
					}
				}
				body.append("\n\n").append(words(text, 15 + text.nextInt(30)));
				int position = 0;
				for (int tag : this.threadTags[thread]) {
					body.append(" #").append(this.tagDisplays[tag]);
					row(out.get("message_tags"), Long.toString(id), Long.toString(tag + 1), Integer.toString(position++));
					row(out.get("thread_tags"), Long.toString(tag + 1), Long.toString(id), ts(this.messageMicros[m]));
				}
			}
			else {
				body.append(' ').append(words(text, 5 + text.nextInt(20)));
				if (this.messageAuthor[m] != this.threadAuthor[thread]) {
					repliersByThread.computeIfAbsent(thread, (key) -> new ArrayList<>()).add(this.messageAuthor[m]);
				}
			}
			String created = ts(this.messageMicros[m]);
			row(messagesOut, Long.toString(id), new UUID(text.nextLong(), id).toString(),
					Integer.toString(this.messageAuthor[m] + 1), first ? "\\N" : Long.toString(this.threadMessageId[thread]),
					body.toString(), title, created, created, "\\N",
					first ? ts(this.threadActivity[thread]) : created,
					first ? Integer.toString(this.threadReplies[thread]) : "0",
					first ? Integer.toString(this.threadStars[thread]) : "0");
		}
		for (int s = 0; s < starRows; s++) {
			row(out.get("stars"), Long.toString(starPerson[s] + 1), Long.toString(this.threadMessageId[starThread[s]]),
					ts(starredAt[s]));
		}
		// Tags and their spellings.
		for (int t = 0; t < this.tagCount; t++) {
			if (this.tagUses[t] == 0) {
				continue;
			}
			row(out.get("tags"), Long.toString(t + 1), this.tagKeys[t], this.tagDisplays[t],
					Integer.toString(this.tagThreads[t]), ts(this.tagChanged[t]));
			row(out.get("tag_spellings"), Long.toString(t + 1), this.tagDisplays[t], Integer.toString(this.tagUses[t]));
		}
		// Site paths: the site (ids 1..sites) and each cited page (ids after them); links point at their page.
		MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
		for (int s = 0; s < this.sites; s++) {
			if (siteThreads[s] > 0) {
				row(out.get("site_paths"), Long.toString(s + 1), host(s), "", "\\N", Integer.toString(siteThreads[s]));
			}
		}
		for (int l = 0; l < this.linkPool; l++) {
			if (linkThreads[l] == 0) {
				continue;
			}
			long pathId = this.sites + l + 1L;
			row(out.get("site_paths"), Long.toString(pathId), host(linkSite[l]), "/p" + l, "",
					Integer.toString(linkThreads[l]));
			String url = url(l, linkSite[l]);
			NormalizedUrl normalized = UrlNormalizer.normalize(url).orElseThrow();
			byte[] digest = sha256.digest(normalized.key().getBytes(StandardCharsets.UTF_8));
			SplittableRandom text = new SplittableRandom(Long.rotateLeft((l + 1) * 0xBF58476D1CE4E5B9L, 31));
			row(out.get("links"), Long.toString(l + 1), url, host(linkSite[l]), ts(linkFirst[l]), normalized.key(),
					"\\\\x" + hex(digest), Long.toString(pathId), "fetched", ts(linkFirst[l]), ts(linkFirst[l]),
					capitalized(words(text, 3 + text.nextInt(6))), words(text, 10 + text.nextInt(20)));
		}
		// The derived rows of each thread: its tags' and sites' threads, the home stream's reasons.
		Writer sources = out.get("thread_sources");
		Writer siteRows = out.get("site_threads");
		for (int t = 0; t < this.threads; t++) {
			long id = this.threadMessageId[t];
			String author = Integer.toString(this.threadAuthor[t] + 1);
			String activity = ts(this.threadActivity[t]);
			String published = ts(this.messageMicros[(int) id - 1]);
			row(sources, "author", author, Long.toString(id), author, activity);
			for (int tag : this.threadTags[t]) {
				row(sources, "tag", Long.toString(tag + 1), Long.toString(id), author, activity);
			}
			int link = this.threadLink[t];
			if (link >= 0) {
				for (String site : SiteKeys.of(url(link, linkSite[link]))) {
					row(sources, "site", site, Long.toString(id), author, activity);
				}
				row(siteRows, Long.toString(linkSite[link] + 1), Long.toString(id), published);
				row(siteRows, Long.toString(this.sites + link + 1L), Long.toString(id), published);
			}
			List<Integer> repliers = repliersByThread.get(t);
			if (repliers != null) {
				for (int replier : new HashSet<>(repliers)) {
					row(sources, "replier", Integer.toString(replier + 1), Long.toString(id), author, activity);
				}
			}
		}
		for (int s = 0; s < starRows; s++) {
			int t = starThread[s];
			row(sources, "starrer", Integer.toString(starPerson[s] + 1), Long.toString(this.threadMessageId[t]),
					Integer.toString(this.threadAuthor[t] + 1), ts(this.threadActivity[t]));
		}
		// Follows: everyone follows ten people; person 1 (login p1) follows 200 people and 50 tags.
		String since = ts(this.messageMicros[0]);
		for (int p = 0; p < this.people; p++) {
			Set<Integer> followed = new HashSet<>();
			int wanted = (p == 0) ? Math.min(200, this.people - 1) : Math.min(10, this.people - 1);
			while (followed.size() < wanted) {
				int other = (p == 0) ? 1 + followed.size() : this.random.nextInt(this.people);
				if (other != p) {
					followed.add(other);
				}
			}
			for (int other : followed) {
				row(out.get("person_follows"), Integer.toString(p + 1), Integer.toString(other + 1), since);
			}
		}
		int tagFollows = 0;
		for (int t = 10; t < this.tagCount && tagFollows < 50; t++) {
			if (this.tagUses[t] > 0) {
				row(out.get("tag_follows"), "1", Integer.toString(t + 1), since);
				tagFollows++;
			}
		}
		for (Writer writer : out.values()) {
			writer.close();
		}
		return files;
	}

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

	private void load(Connection connection, Map<String, Path> files) throws SQLException, IOException {
		// Indexes that back no constraint are dropped during COPY and built again after it: building an index
		// once is far cheaper than maintaining it row by row. (Primary keys and unique constraints stay, for
		// the foreign keys.)
		List<String> definitions = new ArrayList<>();
		try (Statement statement = connection.createStatement();
				var rs = statement.executeQuery("""
						select i.indexname, i.indexdef from pg_indexes i
						where i.schemaname = current_schema() and i.tablename = any(array['%s'])
						  and not exists (select 1 from pg_constraint c where c.conname = i.indexname)
						""".formatted(String.join("','", files.keySet())))) {
			List<String> names = new ArrayList<>();
			while (rs.next()) {
				names.add(rs.getString(1));
				definitions.add(rs.getString(2));
			}
			for (String name : names) {
				try (Statement drop = connection.createStatement()) {
					drop.execute("drop index " + name);
				}
			}
		}
		copyAll(connection, files);
		long indexed = System.nanoTime();
		try (Statement statement = connection.createStatement()) {
			statement.execute("set maintenance_work_mem = '512MB'");
			for (String definition : definitions) {
				statement.execute(definition);
			}
		}
		System.out.printf("  %d indexes built again in %.1f s%n", definitions.size(), seconds(indexed));
	}

	private void copyAll(Connection connection, Map<String, Path> files) throws SQLException, IOException {
		CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
		for (Map.Entry<String, Path> file : files.entrySet()) {
			long began = System.nanoTime();
			try (Reader reader = Files.newBufferedReader(file.getValue(), StandardCharsets.UTF_8)) {
				long rows = copy.copyIn("copy " + file.getKey() + " (" + COLUMNS.get(file.getKey()) + ") from stdin", reader);
				System.out.printf("  %-15s %,12d rows %8.1f s%n", file.getKey(), rows, seconds(began));
			}
		}
		try (Statement statement = connection.createStatement()) {
			for (String table : List.of("accounts", "tags", "site_paths", "links", "messages")) {
				statement.execute("select setval(pg_get_serial_sequence('" + table + "', 'id'), (select max(id) from "
						+ table + "))");
			}
		}
	}

	/**
	 * The write path's own SQL function, over batches of threads, on as many connections as there are
	 * processors (each batch is independent).
	 */
	private void buildDocuments(String url) throws Exception {
		int batch = 20_000;
		int workers = Math.max(1, Runtime.getRuntime().availableProcessors());
		java.util.concurrent.atomic.AtomicLong next = new java.util.concurrent.atomic.AtomicLong();
		java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(workers);
		List<java.util.concurrent.Future<?>> done = new ArrayList<>();
		for (int w = 0; w < workers; w++) {
			done.add(pool.submit(() -> {
				try (Connection connection = DriverManager.getConnection(url, required("user"), required("password"));
						var statement = connection.prepareStatement(
								"select refresh_thread_search(array(select id from messages where thread_id is null "
										+ "and id > ? and id <= ? and deleted_at is null))")) {
					for (long from = next.getAndAdd(batch); from < this.messages; from = next.getAndAdd(batch)) {
						statement.setLong(1, from);
						statement.setLong(2, from + batch);
						statement.execute();
					}
				}
				return null;
			}));
		}
		pool.shutdown();
		for (java.util.concurrent.Future<?> future : done) {
			future.get();
		}
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

	private void deleteWork(Map<String, Path> files) throws IOException {
		for (Path file : files.values()) {
			Files.deleteIfExists(file);
		}
		Files.deleteIfExists(this.work);
	}

	private static String host(int site) {
		return "site" + site + ".example";
	}

	private static String url(int link, int site) {
		return "https://" + host(site) + "/p" + link;
	}

	private static String words(SplittableRandom random, int count) {
		StringBuilder text = new StringBuilder(count * 8);
		for (int i = 0; i < count; i++) {
			if (i > 0) {
				text.append(' ');
			}
			text.append(WORDS[random.nextInt(WORDS.length)]);
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
			out.write(values[i].replace("\n", "\\n"));
		}
		out.write('\n');
	}

}
