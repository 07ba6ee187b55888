package org.veille.operations;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;

/**
 * Spring Session JDBC's repository, except that a session's last access is written at most once a minute:
 * Spring Session moves it on every request, and the library then updates the session's row on every signed-in
 * request, a write and a commit each, all on one row for the requests of one person (the benchmark of
 * bench/two-instances.sh measured 12 signed-in pages a second against 758 with sessions in memory). A session
 * therefore expires up to a minute before its full timeout after the last request. Changes to attributes are
 * saved as before.
 */
@SuppressWarnings({ "rawtypes", "unchecked" })
class SeldomTouchedSessions implements FindByIndexNameSessionRepository<Session> {

	static final Duration TOUCH_EVERY = Duration.ofMinutes(1);

	private final JdbcIndexedSessionRepository sessions;

	SeldomTouchedSessions(JdbcIndexedSessionRepository sessions) {
		this.sessions = sessions;
	}

	@Override
	public Session createSession() {
		return this.sessions.createSession();
	}

	@Override
	public void save(Session session) {
		Session stored = (session instanceof SeldomTouched touched) ? touched.stored : session;
		((FindByIndexNameSessionRepository) this.sessions).save(stored);
	}

	@Override
	public @Nullable Session findById(String id) {
		Session stored = this.sessions.findById(id);
		return (stored != null) ? new SeldomTouched(stored) : null;
	}

	@Override
	public void deleteById(String id) {
		this.sessions.deleteById(id);
	}

	@Override
	public Map<String, Session> findByIndexNameAndIndexValue(String indexName, String indexValue) {
		return (Map) this.sessions.findByIndexNameAndIndexValue(indexName, indexValue);
	}

	void deleteExpired() {
		this.sessions.cleanUpExpiredSessions();
	}

	/** A stored session whose last access moves only when it is a minute old or more. */
	private record SeldomTouched(Session stored) implements Session {

		@Override
		public void setLastAccessedTime(Instant lastAccessedTime) {
			if (!lastAccessedTime.isBefore(this.stored.getLastAccessedTime().plus(TOUCH_EVERY))) {
				this.stored.setLastAccessedTime(lastAccessedTime);
			}
		}

		@Override
		public String getId() {
			return this.stored.getId();
		}

		@Override
		public String changeSessionId() {
			return this.stored.changeSessionId();
		}

		@Override
		public <T> @Nullable T getAttribute(String attributeName) {
			return this.stored.getAttribute(attributeName);
		}

		@Override
		public Set<String> getAttributeNames() {
			return this.stored.getAttributeNames();
		}

		@Override
		public void setAttribute(String attributeName, Object attributeValue) {
			this.stored.setAttribute(attributeName, attributeValue);
		}

		@Override
		public void removeAttribute(String attributeName) {
			this.stored.removeAttribute(attributeName);
		}

		@Override
		public Instant getCreationTime() {
			return this.stored.getCreationTime();
		}

		@Override
		public Instant getLastAccessedTime() {
			return this.stored.getLastAccessedTime();
		}

		@Override
		public void setMaxInactiveInterval(Duration interval) {
			this.stored.setMaxInactiveInterval(interval);
		}

		@Override
		public Duration getMaxInactiveInterval() {
			return this.stored.getMaxInactiveInterval();
		}

		@Override
		public boolean isExpired() {
			return this.stored.isExpired();
		}

	}

}
