package org.veille.message;

import java.net.http.HttpResponse;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import org.veille.support.ConnectionsPerThread;
import org.veille.support.IntegrationTest;
import org.veille.support.TestPeople;
import org.veille.support.WebSession;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Many people posting at the same moment through the real server (issue 11): each post is taken,
 * stored once, and no one sees a server error, with four times as many posters as the pool has
 * connections. A request that held two connections at once would block the pool here.
 */
@IntegrationTest
class PostingBurstIntegrationTests {

	@LocalServerPort
	private int port;

	@Autowired
	private DataSource dataSource;

	@Autowired
	private JdbcClient jdbc;

	@Test
	void shouldTakeEveryPostWhenFourTimesThePoolPostAtOnce() throws Exception {
		int posters = 4 * poolSize();
		String run = TestPeople.uniqueName("burst");
		List<WebSession> people = new ArrayList<>();
		List<String> tokens = new ArrayList<>();
		for (int i = 0; i < posters; i++) {
			WebSession person = new WebSession(this.port);
			assertThat(person.signUp(run + "p" + i).statusCode()).isEqualTo(302);
			people.add(person);
			tokens.add(person.postingToken());
		}
		ConnectionsPerThread.reset();

		CyclicBarrier start = new CyclicBarrier(posters);
		ExecutorService threads = Executors.newFixedThreadPool(posters);
		List<Future<HttpResponse<String>>> answers = new ArrayList<>();
		try {
			for (int i = 0; i < posters; i++) {
				WebSession person = people.get(i);
				String token = tokens.get(i);
				String text = text(run, i);
				answers.add(threads.submit(() -> {
					start.await(30, TimeUnit.SECONDS);
					return person.postMessage(token, text);
				}));
			}
			for (int i = 0; i < posters; i++) {
				HttpResponse<String> answer = answers.get(i).get(2, TimeUnit.MINUTES);
				assertThat(answer.statusCode()).as("answer to poster %d: %s", i, answer.body()).isEqualTo(302);
				long id = Long.parseLong(answer.headers().firstValue("Location").orElseThrow().replaceAll(".*/messages/", ""));
				assertThat(this.jdbc.sql("select id from messages where body = :text")
					.param("text", text(run, i))
					.query(Long.class)
					.list()).as("messages stored for poster %d", i).containsExactly(id);
			}
		}
		finally {
			threads.shutdownNow();
		}
		assertThat(ConnectionsPerThread.violations()).isEmpty();
	}

	private int poolSize() throws SQLException {
		return this.dataSource.unwrap(HikariDataSource.class).getMaximumPoolSize();
	}

	private static String text(String run, int poster) {
		return "Burst " + run + " from poster " + poster + "\nhttps://burst.example.org/" + run + "/" + poster
				+ " #burst_" + run;
	}

}
