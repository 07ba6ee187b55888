package org.veille.federation;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import org.veille.support.IntegrationTest;
import org.veille.support.TestPeople;
import org.veille.support.WebSession;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Many other servers at once, through the real HTTP server, more of them than the connection pool holds (10): the
 * first readers of an actor all get the one key pair kept, and simultaneous follows from 24 servers are all kept
 * and all accepted.
 */
@IntegrationTest
class FederationConcurrencyIntegrationTests {

	private static final int CLIENTS = 24;

	@LocalServerPort
	private int port;

	@Autowired
	private JdbcClient jdbc;

	private String base() {
		return "http://127.0.0.1:" + this.port;
	}

	private static <T> List<T> together(List<Callable<T>> tasks) throws Exception {
		ExecutorService threads = Executors.newFixedThreadPool(tasks.size());
		CountDownLatch start = new CountDownLatch(1);
		try {
			List<Future<T>> futures = new ArrayList<>();
			for (Callable<T> task : tasks) {
				futures.add(threads.submit(() -> {
					start.await();
					return task.call();
				}));
			}
			start.countDown();
			List<T> results = new ArrayList<>();
			for (Future<T> future : futures) {
				results.add(future.get());
			}
			return results;
		}
		finally {
			threads.shutdownNow();
		}
	}

	@Test
	void theFirstReadersOfAnActorAllGetTheOneKeyKept() throws Exception {
		String login = TestPeople.uniqueName("keyrace");
		new WebSession(this.port).signUp(login);
		HttpClient http = HttpClient.newHttpClient();
		List<Callable<String>> reads = new ArrayList<>();
		for (int i = 0; i < CLIENTS; i++) {
			reads.add(() -> {
				HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(base() + "/people/" + login))
					.header("Accept", "application/activity+json").build(), HttpResponse.BodyHandlers.ofString());
				assertThat(answer.statusCode()).isEqualTo(200);
				return ActivityStreams.JSON.readTree(answer.body()).get("publicKey").get("publicKeyPem").asString();
			});
		}
		assertThat(Set.copyOf(together(reads))).hasSize(1);
		assertThat(this.jdbc.sql("select count(*) from federation_keys k join accounts a on a.id = k.account_id"
				+ " where a.login = :login").param("login", login).query(Integer.class).single()).isEqualTo(1);
	}

	@Test
	void simultaneousFollowsFromManyServersAreAllKeptAndAccepted() throws Exception {
		String login = TestPeople.uniqueName("popular");
		new WebSession(this.port).signUp(login);
		String actor = base() + "/people/" + login;
		List<RemoteServer> servers = new ArrayList<>();
		Set<String> accepted = ConcurrentHashMap.newKeySet();
		try {
			for (int i = 0; i < CLIENTS; i++) {
				servers.add(new RemoteServer("follower" + i));
			}
			List<Callable<Integer>> follows = new ArrayList<>();
			for (RemoteServer server : servers) {
				follows.add(() -> {
					String follow = "{\"id\":\"" + server.actorId() + "/follows/1\",\"type\":\"Follow\",\"actor\":\""
							+ server.actorId() + "\",\"object\":\"" + actor + "\"}";
					return server.post(URI.create(base() + "/federation/inbox"), follow.getBytes(StandardCharsets.UTF_8))
						.statusCode();
				});
			}
			assertThat(together(follows)).containsOnly(202);
			assertThat(this.jdbc.sql("select count(*) from federation_followers f join accounts a on a.id = f.account_id"
					+ " where a.login = :login").param("login", login).query(Integer.class).single()).isEqualTo(CLIENTS);
			await().atMost(Duration.ofSeconds(60)).until(() -> {
				servers.stream().filter((server) -> !server.received.isEmpty()).forEach((server) -> accepted.add(server.host()));
				return accepted.size() == CLIENTS;
			});
		}
		finally {
			servers.forEach(RemoteServer::close);
		}
	}

}
