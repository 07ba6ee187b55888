package org.veille.web;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.servlet.FilterChain;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Requests of the kind that takes turns wait, beyond the limit, until one in progress is answered; other
 * requests never wait.
 */
class TakingTurnsTests {

	private final TakingTurns filter = TakingTurns.forPages(1, (request) -> request.getRequestURI().startsWith("/tag/")
			|| request.getRequestURI().startsWith("/messages/"));

	private final CountDownLatch release = new CountDownLatch(1);

	private final AtomicInteger entered = new AtomicInteger();

	/** Counts the requests that reached the page, the first one holding its slot until released. */
	private final FilterChain page = (request, response) -> {
		if (this.entered.incrementAndGet() == 1) {
			awaitRelease();
		}
	};

	@Test
	void shouldLetAPageRequestInOnlyWhenASlotIsFree() throws Exception {
		CompletableFuture<Void> first = CompletableFuture.runAsync(() -> serve("/tag/climat"));
		await().atMost(Duration.ofSeconds(10)).until(() -> this.entered.get() == 1);
		CompletableFuture<Void> second = CompletableFuture.runAsync(() -> serve("/messages/12"));

		await().atMost(Duration.ofSeconds(10)).until(() -> this.filter.waiting() == 1);
		assertThat(this.entered.get()).isEqualTo(1);
		assertThat(second).isNotDone();

		this.release.countDown();
		first.get(10, TimeUnit.SECONDS);
		second.get(10, TimeUnit.SECONDS);
		assertThat(this.entered.get()).isEqualTo(2);
	}

	@Test
	void shouldNeverHoldBackRequestsThatAreNotPages() throws Exception {
		CompletableFuture<Void> first = CompletableFuture.runAsync(() -> serve("/tag/climat"));
		await().atMost(Duration.ofSeconds(10)).until(() -> this.entered.get() == 1);

		serve("/settings/export/json");

		assertThat(this.entered.get()).isEqualTo(2);
		this.release.countDown();
		first.get(10, TimeUnit.SECONDS);
	}

	@Test
	void shouldAnswerWhatItIsGivenToARequestWhoseTurnDoesNotComeInTime() throws Exception {
		TakingTurns bounded = TakingTurns.forFormPosts(1, new TakingTurns.NoTurn() {

			@Override
			public Duration longestWait() {
				return Duration.ofMillis(50);
			}

			@Override
			public void answer(HttpServletRequest request, HttpServletResponse response) {
				response.setStatus(503);
			}

		});
		CompletableFuture<Void> first = CompletableFuture.runAsync(() -> serve(bounded, request("POST", "application/x-www-form-urlencoded")));
		await().atMost(Duration.ofSeconds(10)).until(() -> this.entered.get() == 1);

		MockHttpServletResponse late = serve(bounded, request("POST", "application/x-www-form-urlencoded"));

		assertThat(late.getStatus()).isEqualTo(503);
		assertThat(this.entered.get()).as("requests that reached the page").isEqualTo(1);
		this.release.countDown();
		first.get(10, TimeUnit.SECONDS);
	}

	@Test
	void shouldCountOnlyPostsOfTheSiteFormsAsFormPosts() {
		assertThat(TakingTurns.isFormPost(request("POST", "application/x-www-form-urlencoded"))).isTrue();
		assertThat(TakingTurns.isFormPost(request("POST", " Application/X-WWW-Form-Urlencoded; charset=UTF-8"))).isTrue();
		assertThat(TakingTurns.isFormPost(request("POST", "multipart/form-data; boundary=x"))).isFalse();
		assertThat(TakingTurns.isFormPost(request("POST", "application/activity+json"))).isFalse();
		assertThat(TakingTurns.isFormPost(request("POST", ";;=="))).isFalse();
		assertThat(TakingTurns.isFormPost(request("POST", null))).isFalse();
		assertThat(TakingTurns.isFormPost(request("GET", "application/x-www-form-urlencoded"))).isFalse();
	}

	private static MockHttpServletRequest request(String method, String contentType) {
		MockHttpServletRequest request = new MockHttpServletRequest(method, "/post");
		request.setContentType(contentType);
		return request;
	}

	private void serve(String path) {
		serve(this.filter, new MockHttpServletRequest("GET", path));
	}

	private MockHttpServletResponse serve(TakingTurns turns, MockHttpServletRequest request) {
		MockHttpServletResponse response = new MockHttpServletResponse();
		try {
			turns.doFilter(request, response, this.page);
			return response;
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private void awaitRelease() {
		try {
			assertThat(this.release.await(10, TimeUnit.SECONDS)).isTrue();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
