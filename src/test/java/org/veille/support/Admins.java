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

	private Admins() {
	}

	/** A new signed-in session of the administrator. */
	public static synchronized MockHttpSession signIn(MockMvc mvc, JdbcClient jdbc) throws Exception {
		boolean exists = jdbc.sql("select count(*) from accounts where login = :login")
			.param("login", LOGIN)
			.query(Long.class)
			.single() > 0;
		return exists ? TestPeople.signIn(mvc, LOGIN) : TestPeople.signUp(mvc, LOGIN);
	}

}
