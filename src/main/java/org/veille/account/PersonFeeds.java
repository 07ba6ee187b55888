package org.veille.account;

import java.time.Instant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import org.veille.database.Timestamps;

/**
 * When a person's feeds last changed ({@code accounts.changed_at}): bumped by each thread they
 * start, edit or delete and each star they give or take back, so that a conditional GET of their
 * feed costs one indexed read.
 */
@Component
public class PersonFeeds {

	private final JdbcClient jdbc;

	PersonFeeds(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Transactional(propagation = Propagation.MANDATORY)
	public void changed(long accountId, Instant at) {
		this.jdbc.sql("update accounts set changed_at = greatest(changed_at, :at) where id = :id")
			.param("at", Timestamps.of(at))
			.param("id", accountId)
			.update();
	}

}
