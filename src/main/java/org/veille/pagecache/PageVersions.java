package org.veille.pagecache;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.stereotype.Component;

/**
 * A number that grows each time anything a page shows may have changed in the database: a cached page
 * is served only while the number it was rendered under is still the current one. It grows after each
 * write transaction of this instance commits (so a redirect after a POST never shows the page from before)
 * and on each change PostgreSQL announces (any instance, any writer: see {@link ChangeListener}).
 */
@Component
class PageVersions {

	private final AtomicLong version = new AtomicLong();

	/** False while no one listens to PostgreSQL's announcements: another writer's change could go unseen. */
	private final AtomicBoolean listening = new AtomicBoolean();

	long current() {
		return this.version.get();
	}

	void changed() {
		this.version.incrementAndGet();
	}

	boolean isTrustworthy() {
		return this.listening.get();
	}

	void listening(boolean listening) {
		this.listening.set(listening);
		changed();
	}

}
