package org.veille.operations;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.convert.ConversionException;
import org.springframework.core.serializer.support.SerializationFailedException;
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

	private static final Logger logger = LoggerFactory.getLogger(SeldomTouchedSessions.class);

	private static final ThreadLocal<Map<String, Optional<Session>>> READ_IN_THIS_REQUEST = new ThreadLocal<>();

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
		Map<String, Optional<Session>> read = READ_IN_THIS_REQUEST.get();
		Optional<Session> known = (read != null) ? read.get(id) : null;
		if (known != null) {
			return known.orElse(null);
		}
		Session stored = readable(id, this.sessions.findById(id));
		Session found = (stored != null) ? new SeldomTouched(stored) : null;
		if (read != null) {
			read.put(id, Optional.ofNullable(found));
		}
		return found;
	}

	/**
	 * The session, or null when one of its attributes cannot be read (written by a version of Veille whose
	 * classes changed since): it is deleted and the person signs in again, as after an expiry, rather than
	 * meeting an error on every page. Spring Session reads attributes lazily; they are read here at once.
	 */
	private @Nullable Session readable(String id, @Nullable Session stored) {
		if (stored == null) {
			return null;
		}
		try {
			for (String name : stored.getAttributeNames()) {
				stored.getAttribute(name);
			}
			return stored;
		}
		catch (ConversionException | SerializationFailedException ex) {
			logger.info("Deleted a session whose attributes this version cannot read: {}", ex.getMessage());
			this.sessions.deleteById(id);
			return null;
		}
	}

	@Override
	public void deleteById(String id) {
		Map<String, Optional<Session>> read = READ_IN_THIS_REQUEST.get();
		if (read != null) {
			read.remove(id);
		}
		this.sessions.deleteById(id);
	}

	/**
	 * From here to {@link #requestEnded()}, on this thread, a session is read from PostgreSQL once: Spring
	 * Session's filter reads it again when it saves it at the end of a request (it checks the requested session
	 * after clearing its own cache), a second query per request that, with the database gone, failed after the
	 * answer had been written.
	 */
	static void requestStarted() {
		READ_IN_THIS_REQUEST.set(new HashMap<>());
	}

	static void requestEnded() {
		READ_IN_THIS_REQUEST.remove();
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
