package org.veille.transfer;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import org.veille.database.OutageLog;

/**
 * Which running imports still have an instance storing them. Every {@link #HEARTBEAT} this instance
 * moves the heartbeat of the imports it stores; at start-up and as often, any instance marks
 * {@code interrupted} the running imports whose heartbeat is older than {@link #LOST_AFTER} (their
 * instance stopped or died, and their uploaded file went with it). Several instances can share one
 * database: none touches an import whose instance still beats.
 */
@Component
class ImportLeases implements SmartLifecycle {

	static final Duration HEARTBEAT = Duration.ofSeconds(15);

	/** Four missed heartbeats: a busy or paused instance is not taken for a dead one. */
	static final Duration LOST_AFTER = HEARTBEAT.multipliedBy(4);

	private static final Logger logger = LoggerFactory.getLogger(ImportLeases.class);

	private final JdbcClient jdbc;

	private final Set<Long> mine = ConcurrentHashMap.newKeySet();

	private final OutageLog outage = new OutageLog(logger, "Import heartbeats");

	private @Nullable ScheduledExecutorService keeper;

	ImportLeases(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** This instance stores this import from now on. */
	void started(long importId) {
		this.mine.add(importId);
	}

	/** This instance no longer stores this import (it ended, one way or another). */
	void ended(long importId) {
		this.mine.remove(importId);
	}

	/** Moves the heartbeat of the imports this instance stores. */
	void beat() {
		if (this.mine.isEmpty()) {
			return;
		}
		this.jdbc.sql("update imports set heartbeat_at = now() where id = any(:ids) and status = 'running'")
			.param("ids", this.mine.toArray(Long[]::new))
			.update();
	}

	/** Marks interrupted the running imports that no instance stores any more; returns their ids. */
	List<Long> sweep() {
		return this.jdbc.sql("""
				update imports set status = 'interrupted', finished_at = now()
				where status = 'running' and heartbeat_at < now() - make_interval(secs => :lost)
				returning id
				""").param("lost", LOST_AFTER.toSeconds()).query(Long.class).list();
	}

	@Override
	public synchronized void start() {
		ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "veille-import-heartbeat");
			thread.setDaemon(true);
			return thread;
		});
		// The first sweep at once: imports left running by an instance that stopped long ago end now.
		scheduler.scheduleWithFixedDelay(this::keep, 0, HEARTBEAT.toMillis(), TimeUnit.MILLISECONDS);
		this.keeper = scheduler;
	}

	private void keep() {
		try {
			beat();
			List<Long> lost = sweep();
			if (!lost.isEmpty()) {
				logger.warn("Imports {} lost their instance: marked interrupted", lost);
			}
			this.outage.reachable();
		}
		catch (RuntimeException ex) {
			if (!this.outage.unreachable(ex)) {
				logger.warn("Could not keep the imports' heartbeats", ex);
			}
		}
	}

	@Override
	public synchronized void stop() {
		ScheduledExecutorService scheduler = this.keeper;
		if (scheduler != null) {
			scheduler.shutdownNow();
			this.keeper = null;
		}
	}

	@Override
	public synchronized boolean isRunning() {
		return this.keeper != null;
	}

}
