package org.veille.account;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import org.veille.support.Admins;
import org.veille.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/** With {@code veille.admin.logins} set (the shared test context), those logins administer, nobody else. */
@IntegrationTest
class AdministratorsIntegrationTests {

	@Autowired
	private Administrators administrators;

	@Autowired
	private JdbcClient jdbc;

	@Test
	void shouldMakeOnlyTheNamedLoginsAdministratorsWhateverTheCase() {
		long firstId = this.jdbc.sql("select id from accounts order by id limit 1").query(Long.class).optional().orElse(1L);

		assertThat(this.administrators.isAdmin(42, Admins.LOGIN.toUpperCase())).isTrue();
		assertThat(this.administrators.isAdmin(firstId, "someone_else")).isFalse();
		assertThat(this.administrators.isAdminAsFirstAccount(firstId)).isFalse();
	}

}
