package org.veille.account;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Requests sent at the same instant, each from its own thread: every thread first prepares (opens the
 * form, say), then all are released together, so that they reach the server at once.
 */
final class Burst<T> {

	private final ExecutorService threads;

	private final List<Future<T>> results = new ArrayList<>();

	private final AtomicInteger answered = new AtomicInteger();

	private Burst(int size) {
		this.threads = Executors.newFixedThreadPool(size);
	}

	/** Starts {@code size} requests; {@code prepare} gives, for each index, what to send once released. */
	static <T> Burst<T> start(int size, IntFunction<Callable<T>> prepare) throws InterruptedException {
		Burst<T> burst = new Burst<>(size);
		CountDownLatch ready = new CountDownLatch(size);
		CountDownLatch go = new CountDownLatch(1);
		for (int i = 0; i < size; i++) {
			int index = i;
			burst.results.add(burst.threads.submit(() -> {
				Callable<T> request;
				try {
					request = prepare.apply(index);
				}
				finally {
					ready.countDown();
				}
				go.await();
				try {
					return request.call();
				}
				finally {
					burst.answered.incrementAndGet();
				}
			}));
		}
		assertThat(ready.await(2, TimeUnit.MINUTES)).as("every request of the burst prepared").isTrue();
		go.countDown();
		return burst;
	}

	/** Sends them all at once and returns their answers, in the order of their indexes. */
	static <T> List<T> of(int size, IntFunction<Callable<T>> prepare) throws Exception {
		return start(size, prepare).results();
	}

	int answered() {
		return this.answered.get();
	}

	List<T> results() throws Exception {
		try {
			List<T> answers = new ArrayList<>();
			for (Future<T> result : this.results) {
				answers.add(result.get(2, TimeUnit.MINUTES));
			}
			return answers;
		}
		finally {
			this.threads.shutdownNow();
		}
	}

}
