package org.veille.support;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Notices every thread that borrows a second pooled connection while it still holds one (DESIGN §8):
 * with as many such threads as the pool has connections, each waits for a connection the others hold,
 * and the site stops until the pool's timeout. Wraps the test datasource; tests read {@link #violations()}
 * (Flyway, migrating at start-up on the main thread, takes two: no request is waiting then).
 */
public class ConnectionsPerThread implements BeanPostProcessor {

	/** A second connection borrowed: by which thread, and where (the stack of the second borrow). */
	public record Violation(String thread, Throwable where) {

		@Override
		public String toString() {
			StringBuilder text = new StringBuilder(this.thread).append(" borrowed a second connection at:");
			for (StackTraceElement frame : this.where.getStackTrace()) {
				if (frame.getClassName().startsWith("org.veille")) {
					text.append("\n    ").append(frame);
				}
			}
			return text.toString();
		}

	}

	private static final Logger logger = LoggerFactory.getLogger(ConnectionsPerThread.class);

	private static final ThreadLocal<AtomicInteger> held = ThreadLocal.withInitial(AtomicInteger::new);

	private static final List<Violation> violations = new CopyOnWriteArrayList<>();

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (bean instanceof DataSource dataSource && !(bean instanceof Counting)) {
			return new Counting(dataSource);
		}
		return bean;
	}

	public static List<Violation> violations() {
		return List.copyOf(violations);
	}

	public static void reset() {
		violations.clear();
	}

	private static Connection borrowed(Connection connection) {
		AtomicInteger count = held.get();
		if (count.getAndIncrement() > 0) {
			Violation violation = new Violation(Thread.currentThread().getName(), new Throwable("second connection"));
			violations.add(violation);
			// Also in the log, so that a run of the whole suite shows every path that does it.
			logger.warn("{}", violation);
		}
		AtomicBoolean open = new AtomicBoolean(true);
		return (Connection) Proxy.newProxyInstance(ConnectionsPerThread.class.getClassLoader(),
				new Class<?>[] { Connection.class }, (proxy, method, arguments) -> {
					if ("close".equals(method.getName()) && open.compareAndSet(true, false)) {
						count.decrementAndGet();
					}
					try {
						return method.invoke(connection, arguments);
					}
					catch (InvocationTargetException ex) {
						throw ex.getCause();
					}
				});
	}

	private static final class Counting extends DelegatingDataSource {

		Counting(DataSource target) {
			super(target);
		}

		@Override
		public Connection getConnection() throws SQLException {
			return borrowed(obtainTargetDataSource().getConnection());
		}

		@Override
		public Connection getConnection(String username, String password) throws SQLException {
			return borrowed(obtainTargetDataSource().getConnection(username, password));
		}

	}

}
