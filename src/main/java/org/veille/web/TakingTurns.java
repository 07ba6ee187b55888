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

/**
 * Serves at most a few requests of one kind at once, the others waiting their turn in arrival order. Pages and
 * form posts cost CPU, not waiting: with many requests in progress on a few cores, each is descheduled while the
 * others run, and the slowest answers wait for all of them (the benchmark measured a tag page's 99th percentile
 * at 50 ms with sixteen at once on two cores, 16 ms with four). Waiting in line also keeps the database's
 * connections for those whose turn it is: the pool is never queued on. Uploads, exports and the API, which wait
 * on the network, are not counted.
 * <p>
 * A turn covers the work, not the network: a form's body is read before the request takes its turn, so a client
 * that sends slowly (a slow network, or on purpose) holds a server thread but no turn. A page is written into
 * memory, the turn given back, and only then copied to the socket, so a slow reader holds no turn either. A form
 * post's answer is written as it comes: it is short (a redirect, the form with what to fix), and one that is
 * forwarded (a refused sign-in, answered by the sign-in page) would be lost from a response kept in memory, as
 * the container closes a forwarded response itself.
 * <p>
 * A form post whose turn does not come in time gets an answer of its own ({@link NoTurn}: the 503 page with the
 * text kept, as when the database's pool has no connection to give), so that a queue behind posts each waiting
 * for an absent database ends in seconds.
 */
public class TakingTurns extends OncePerRequestFilter {

	private final int count;

	private final Semaphore turns;

	private final Predicate<HttpServletRequest> waitsItsTurn;

	private final @Nullable NoTurn noTurn;

	private TakingTurns(int turns, Predicate<HttpServletRequest> waitsItsTurn, @Nullable NoTurn noTurn) {
		this.count = (turns > 0) ? turns : Math.max(4, 2 * Runtime.getRuntime().availableProcessors());
		this.turns = new Semaphore(this.count, true);
		this.waitsItsTurn = waitsItsTurn;
		this.noTurn = noTurn;
	}

	/**
	 * Pages: they wait as long as it takes and are written from memory.
	 * @param turns how many run at once (0: twice the processors, at least four)
	 */
	public static TakingTurns forPages(int turns, Predicate<HttpServletRequest> isPage) {
		return new TakingTurns(turns, isPage, null);
	}

	/** Form posts ({@link #isFormPost}): they wait as long as {@code noTurn} says, and are written as they come. */
	static TakingTurns forFormPosts(int turns, NoTurn noTurn) {
		return new TakingTurns(turns, TakingTurns::isFormPost, noTurn);
	}

	/** A POST of a form of the site (not a file upload): what a person does by pressing a button. */
	static boolean isFormPost(HttpServletRequest request) {
		return "POST".equals(request.getMethod()) && isUrlEncodedForm(request);
	}

	/** Compared as text: a malformed type a client sends must not fail the request. */
	static boolean isUrlEncodedForm(HttpServletRequest request) {
		String type = request.getContentType();
		return type != null
				&& type.strip().toLowerCase(Locale.ROOT).startsWith(MediaType.APPLICATION_FORM_URLENCODED_VALUE);
	}

	/** How many requests of this kind run at once. */
	int turns() {
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
		if (this.noTurn == null) {
			servePageFromMemory(request, response, chain);
			return;
		}
		if (!takeTurn(this.noTurn.longestWait())) {
			this.noTurn.answer(request, response);
			return;
		}
		try {
			chain.doFilter(request, response);
		}
		finally {
			this.turns.release();
		}
	}

	private void servePageFromMemory(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		PageInMemory answer = new PageInMemory(response);
		this.turns.acquireUninterruptibly();
		try {
			chain.doFilter(request, answer);
		}
		finally {
			this.turns.release();
		}
		answer.copyBodyToResponse();
	}

	private boolean takeTurn(Duration longestWait) {
		try {
			return this.turns.tryAcquire(longestWait.toNanos(), TimeUnit.NANOSECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	/** How long a form post waits for its turn, and what it is answered when its turn does not come. */
	interface NoTurn {

		Duration longestWait();

		void answer(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException;

	}

}
