package org.veille.pagecache;

import java.io.IOException;
import java.util.concurrent.Semaphore;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Serves at most a few page requests at once, the others waiting their turn in arrival order. Pages cost
 * CPU, not waiting: with many requests in progress on a few cores, each is descheduled while the others
 * run, and the slowest answers wait for all of them (the benchmark measured a tag page's 99th percentile at
 * 50 ms with sixteen at once on two cores, 16 ms with four). Only the pages the page cache handles are
 * counted: uploads, exports and the API, which wait on the network, keep Tomcat's threads.
 * <p>
 * A slot is held while the page is rendered, not while it is sent: the answer is written into memory, the
 * slot given back, and only then is the answer copied to the socket. A reader who never reads (a slow network,
 * or on purpose) then holds a server thread but no slot, and the other pages keep being served. The page is
 * in memory meanwhile, as the page cache keeps it anyway.
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
		ContentCachingResponseWrapper rendered = new ContentCachingResponseWrapper(response);
		this.slots.acquireUninterruptibly();
		try {
			chain.doFilter(request, rendered);
		}
		finally {
			this.slots.release();
		}
		rendered.copyBodyToResponse();
	}

}
