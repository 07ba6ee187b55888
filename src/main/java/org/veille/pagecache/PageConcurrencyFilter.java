package org.veille.pagecache;

import java.io.IOException;
import java.util.concurrent.Semaphore;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Serves at most a few page requests at once, the others waiting their turn in arrival order. Pages cost
 * CPU, not waiting: with many requests in progress on a few cores, each is descheduled while the others
 * run, and the slowest answers wait for all of them (the benchmark measured a tag page's 99th percentile at
 * 50 ms with sixteen at once on two cores, 16 ms with four). Only the pages the page cache handles are
 * counted: uploads, exports and the API, which wait on the network, keep Tomcat's threads.
 */
class PageConcurrencyFilter extends OncePerRequestFilter {

	private final Semaphore slots;

	PageConcurrencyFilter(int concurrency) {
		this.slots = new Semaphore(concurrency, true);
	}

	/** How many page requests are waiting for a slot. */
	int waiting() {
		return this.slots.getQueueLength();
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !PageCacheFilter.isPageRequest(request);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		this.slots.acquireUninterruptibly();
		try {
			chain.doFilter(request, response);
		}
		finally {
			this.slots.release();
		}
	}

}
