package org.veille.support;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The administrator of the shared test context ({@code veille.admin.logins}): made through the sign-up
 * form the first time a test database meets it, then signed in like anyone.
 */
public final class Admins {

	public static final String LOGIN = "veille_admin";

	/** A second administrator, for two acting at once. */
	public static final String SECOND = "veille_admin2";

	private Admins() {
	}

	/** A new signed-in session of the administrator. */
	public static MockHttpSession signIn(MockMvc mvc, JdbcClient jdbc) throws Exception {
		return signIn(mvc, jdbc, LOGIN);
	}

	/** A new signed-in session of this administrator ({@link #LOGIN} or {@link #SECOND}). */
	public static synchronized MockHttpSession signIn(MockMvc mvc, JdbcClient jdbc, String login) throws Exception {
		boolean exists = jdbc.sql("select count(*) from accounts where login = :login")
			.param("login", login)
			.query(Long.class)
			.single() > 0;
		return exists ? TestPeople.signIn(mvc, login) : TestPeople.signUp(mvc, login);
	}

}
