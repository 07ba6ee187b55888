package org.veille.web;

import java.io.IOException;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;

import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Serves at most a few requests of one kind at once, the others waiting their turn in arrival order. Pages and
 * form posts cost CPU, not waiting: with many requests in progress on a few cores, each is descheduled while the
 * others run, and the slowest answers wait for all of them (the benchmark measured a tag page's 99th percentile
 * at 50 ms with sixteen at once on two cores, 16 ms with four). Waiting in line also keeps the database's
 * connections for those whose turn it is: the pool is never queued on. Uploads, exports and the API, which wait
 * on the network, are not counted.
 * <p>
 * A turn covers the work, not the network: a form's body is read before the request takes its turn, and the
 * answer is written into memory, the turn given back, and only then copied to the socket. A client that sends
 * or reads slowly (a slow network, or on purpose) holds a server thread but no turn, and the others keep being
 * served.
 * <p>
 * Given an answer for requests that waited too long, a request whose turn does not come within that time gets
 * it instead (form posts: the 503 page with the text kept, as when the database's pool has no connection to
 * give), so that a queue behind requests each waiting for an absent database ends in seconds.
 */
public class TakingTurns extends OncePerRequestFilter {

	private final int count;

	private final Semaphore turns;

	private final Predicate<HttpServletRequest> waitsItsTurn;

	private final @Nullable NoTurn noTurn;

	/**
	 * Requests that wait as long as it takes.
	 * @param turns how many requests of this kind run at once (0: twice the processors, at least four)
	 */
	public TakingTurns(int turns, Predicate<HttpServletRequest> waitsItsTurn) {
		this(turns, waitsItsTurn, null);
	}

	TakingTurns(int turns, Predicate<HttpServletRequest> waitsItsTurn, @Nullable NoTurn noTurn) {
		this.count = (turns > 0) ? turns : Math.max(4, 2 * Runtime.getRuntime().availableProcessors());
		this.turns = new Semaphore(this.count, true);
		this.waitsItsTurn = waitsItsTurn;
		this.noTurn = noTurn;
	}

	/** A POST of a form of the site (not a file upload): what a person does by pressing a button. */
	public static boolean isFormPost(HttpServletRequest request) {
		return "POST".equals(request.getMethod()) && isUrlEncodedForm(request);
	}

	/** Compared as text: a malformed type a client sends must not fail the request. */
	static boolean isUrlEncodedForm(HttpServletRequest request) {
		String type = request.getContentType();
		return type != null
				&& type.strip().toLowerCase(Locale.ROOT).startsWith(MediaType.APPLICATION_FORM_URLENCODED_VALUE);
	}

	/** How many requests of this kind run at once. */
	public int turns() {
		return this.count;
	}

	/** How many requests are waiting for their turn. */
	public int waiting() {
		return this.turns.getQueueLength();
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !this.waitsItsTurn.test(request);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		request.getParameterMap();
		if (!takeTurn()) {
			this.noTurn.answer(request, response);
			return;
		}
		ContentCachingResponseWrapper answer = new ContentCachingResponseWrapper(response);
		try {
			chain.doFilter(request, answer);
		}
		finally {
			this.turns.release();
		}
		answer.copyBodyToResponse();
	}

	private boolean takeTurn() {
		if (this.noTurn == null) {
			this.turns.acquireUninterruptibly();
			return true;
		}
		try {
			return this.turns.tryAcquire(this.noTurn.longestWait().toNanos(), TimeUnit.NANOSECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	/** What a request that waited too long for its turn is answered. */
	interface NoTurn {

		Duration longestWait();

		void answer(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException;

	}

}
