package org.veille.bench;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;
import org.awaitility.Awaitility;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import org.veille.VeilleApplication;
import org.veille.support.WebSession;

/**
 * Measures ActivityPub delivery: a person with {@code followers} remote followers spread over {@code hosts} servers
 * (each a local HTTP server on its own port, answering 202 at once) posts {@code posts} messages one after another;
 * each post is one signed delivery per follower (no shared inbox: the worst case), sent by the federation workers
 * with at most {@code per-host} deliveries in progress to one host. Printed: deliveries per second for each post,
 * from the post's answer to the last delivery received. Not a test: run {@code bench/federation-delivery.sh}.
 *
 * <p>Arguments: {@code followers=1000 hosts=50 posts=3 workers=2 per-host=2}. The database is an embedded
 * PostgreSQL in a temporary directory, unless {@code SPRING_DATASOURCE_URL} names one.
 */
public final class FederationBenchmark {

	private FederationBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int followers = Arguments.number(args, "followers", 1000);
		int hosts = Arguments.number(args, "hosts", 50);
		int posts = Arguments.number(args, "posts", 3);
		int workers = Arguments.number(args, "workers", 2);
		int perHost = Arguments.number(args, "per-host", 2);
		AtomicInteger received = new AtomicInteger();
		ExecutorService serverThreads = Executors.newFixedThreadPool(64);
		List<HttpServer> servers = new ArrayList<>();
		for (int i = 0; i < hosts; i++) {
			HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 100);
			server.createContext("/", (exchange) -> {
				try (exchange) {
					exchange.getRequestBody().readAllBytes();
					exchange.sendResponseHeaders(202, -1);
					received.incrementAndGet();
				}
			});
			server.setExecutor(serverThreads);
			server.start();
			servers.add(server);
		}
		Path data = Files.createTempDirectory("veille-bench-postgres");
		try (ConfigurableApplicationContext app = new SpringApplicationBuilder(VeilleApplication.class)
			.run("--server.port=0", "--veille.database.embedded.data-directory=" + data,
					"--veille.signup.verify-email=false", "--veille.fetch.enabled=false", "--logging.level.root=warn",
					"--veille.outbound.allow-private-addresses=true", "--veille.outbound.allowed-ports=1-65535",
					"--veille.outbound.max-connections-per-host=" + perHost,
					"--veille.federation.workers=" + workers, "--veille.federation.per-host=" + perHost)) {
			JdbcClient jdbc = app.getBean(JdbcClient.class);
			int port = ((WebServerApplicationContext) app).getWebServer().getPort();
			WebSession author = new WebSession(port);
			author.signUp("popular");
			long authorId = jdbc.sql("select id from accounts where login = 'popular'").query(Long.class).single();
			for (int i = 0; i < followers; i++) {
				String host = "127.0.0.1:" + servers.get(i % hosts).getAddress().getPort();
				String uri = "http://" + host + "/users/u" + i;
				long actor = jdbc.sql("""
						insert into remote_actors (uri, key_id, handle, host, inbox, public_key_pem, fetched_at)
						values (:uri, :uri || '#main-key', :handle, :host, :uri || '/inbox', 'unused', now()) returning id
						""").param("uri", uri).param("handle", "u" + i + "@" + host).param("host", host)
					.query(Long.class).single();
				jdbc.sql("""
						insert into federation_followers (remote_actor_id, account_id, follow_uri, created_at)
						values (:actor, :author, :uri || '/follow', now())
						""").param("actor", actor).param("author", authorId).param("uri", uri).update();
			}
			System.out.printf("Federation benchmark: %,d followers on %d hosts, %d workers, %d per host, %d processors%n",
					followers, hosts, workers, perHost, Runtime.getRuntime().availableProcessors());
			for (int post = 1; post <= posts; post++) {
				int expected = followers * post;
				long start = System.nanoTime();
				HttpResponse<String> answer = author.postMessage("Post " + post + " to " + followers + " followers #bench");
				long answered = System.nanoTime();
				Awaitility.await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(20))
					.until(() -> received.get() >= expected);
				double seconds = (System.nanoTime() - answered) / 1e9;
				System.out.printf("post %d: answered %d in %.0f ms; %,d deliveries in %.2f s: %.0f deliveries/s%n", post,
						answer.statusCode(), (answered - start) / 1e6, followers, seconds, followers / seconds);
			}
		}
		finally {
			servers.forEach((server) -> server.stop(0));
			serverThreads.shutdownNow();
		}
	}

}
