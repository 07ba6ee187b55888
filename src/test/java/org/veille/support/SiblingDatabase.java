package org.veille.support;

import java.util.Objects;

import javax.sql.DataSource;

import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * An empty database of a test's own, made beside the tests' database on the same server with the same role (which
 * may create databases): for a second instance, an upgrade from an old schema, a generated corpus. Dropped by
 * {@link #drop()}.
 * @param name the database's name: the tests' database's, then {@code _} and the suffix given
 * @param url its JDBC address, with the tests' database's parameters
 */
public record SiblingDatabase(String name, String url, String username, String password, JdbcClient server) {

	public static SiblingDatabase create(JdbcConnectionDetails tests, String suffix) {
		String testsUrl = tests.getJdbcUrl();
		int slash = testsUrl.lastIndexOf('/');
		int query = testsUrl.indexOf('?', slash);
		String name = testsUrl.substring(slash + 1, (query < 0) ? testsUrl.length() : query) + "_" + suffix;
		String url = testsUrl.substring(0, slash + 1) + name + ((query < 0) ? "" : testsUrl.substring(query));
		String password = Objects.requireNonNullElse(tests.getPassword(), "");
		JdbcClient server = JdbcClient.create(new DriverManagerDataSource(testsUrl, tests.getUsername(), password));
		SiblingDatabase database = new SiblingDatabase(name, url, tests.getUsername(), password, server);
		database.drop();
		server.sql("create database " + name).update();
		return database;
	}

	public DataSource dataSource() {
		return new DriverManagerDataSource(this.url, this.username, this.password);
	}

	/**
	 * Drops the database. A plain {@code drop database} first: it stops an autovacuum worker busy on the database
	 * by itself, where {@code with (force)} refuses to end a process not of our role (a corpus's test failed so, its
	 * database just loaded). Sessions of our own still connected, such as a stopped application's pool, are then
	 * ended by {@code force}.
	 */
	public void drop() {
		try {
			this.server.sql("drop database if exists " + this.name).update();
		}
		catch (DataAccessException ex) {
			this.server.sql("drop database if exists " + this.name + " with (force)").update();
		}
	}

}
