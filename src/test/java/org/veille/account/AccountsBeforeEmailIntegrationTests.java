package org.veille.account;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.jdbc.core.simple.JdbcClient;

import org.veille.mail.MailSending;
import org.veille.support.IntegrationTest;
import org.veille.support.SiblingDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Upgrading an instance to e-mail must not stop its people from posting, even where posting waits for a confirmed
 * address: a database is migrated up to V30 (before the rule), gets an account, then is migrated to the end. It is
 * made next to the tests' database and dropped after.
 */
@IntegrationTest
class AccountsBeforeEmailIntegrationTests {

	@Autowired
	private JdbcConnectionDetails database;

	@Test
	void shouldLetAnAccountMadeBeforeTheRulePostAfterTheUpgradeItsAddressStillUnconfirmed() {
		SiblingDatabase upgrade = SiblingDatabase.create(this.database, "upgrade");
		DataSource upgraded = upgrade.dataSource();
		try {
			Flyway.configure().dataSource(upgraded).target("30").load().migrate();
			JdbcClient before = JdbcClient.create(upgraded);
			long id = before.sql("""
					insert into accounts (login, email, password_hash) values ('early', 'early@example.org', 'x')
					returning id
					""").query(Long.class).single();

			Flyway.configure().dataSource(upgraded).load().migrate();

			PostingPermission rule = new PostingPermission(JdbcClient.create(upgraded), new SignupProperties(5, true),
					new MailSending(true));
			assertThat(rule.verifiedOnly()).isTrue();
			assertThat(rule.mayPost(id)).isTrue();
			assertThat(JdbcClient.create(upgraded).sql("select email_verified_at is null from accounts where id = ?")
				.param(id).query(Boolean.class).single()).as("still unconfirmed: no notifications yet").isTrue();
		}
		finally {
			upgrade.drop();
		}
	}

}
