package org.veille.operations;

import javax.sql.DataSource;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.web.http.SessionRepositoryFilter;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.transaction.support.TransactionTemplate;

import org.veille.database.DatabaseJdbcTransactionManager;

/**
 * Sessions in PostgreSQL (Spring Session JDBC, configured by Spring Boot from {@code spring.session.*}), with
 * two additions of ours.
 */
@Configuration(proxyBeanMethods = false)
class SessionStoreConfiguration {

	/**
	 * Reading and saving sessions go through a plain JDBC transaction manager, not the application's: that one
	 * tells the page cache of every write it commits ({@code pagecache.PageCacheConfiguration}), and a session's
	 * last access time is no change to any page. Under the name Spring Session's configuration asks for, and no
	 * candidate for anything else: Spring Boot's {@code TransactionTemplate} stays the one others receive. A lost
	 * connection's rollback is no second failure ({@link DatabaseJdbcTransactionManager}).
	 */
	@Bean(defaultCandidate = false)
	TransactionOperations springSessionTransactionOperations(DataSource dataSource) {
		return new TransactionTemplate(new DatabaseJdbcTransactionManager(dataSource));
	}

	/**
	 * Two requests of one session at once (two tabs) may both add the same attribute, such as a CSRF token: the
	 * library's plain insert then failed the second request on the attributes' primary key (a 500, seen with
	 * readers sharing a session). On PostgreSQL the insert becomes an upsert: the later value wins, as it would
	 * with sessions in memory.
	 */
	@Bean
	SessionRepositoryCustomizer<JdbcIndexedSessionRepository> attributesSavedAtOnce() {
		return (sessions) -> sessions.setCreateSessionAttributeQuery("""
				INSERT INTO %TABLE_NAME%_ATTRIBUTES (SESSION_PRIMARY_ID, ATTRIBUTE_NAME, ATTRIBUTE_BYTES)
				VALUES (?, ?, ?)
				ON CONFLICT (SESSION_PRIMARY_ID, ATTRIBUTE_NAME) DO UPDATE SET ATTRIBUTE_BYTES = EXCLUDED.ATTRIBUTE_BYTES
				""");
	}

	/** Spring Session's filter receives the repository through this wrapper ({@link SeldomTouchedSessions}). */
	@Bean
	static BeanPostProcessor seldomTouchedSessions() {
		return new BeanPostProcessor() {

			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				return (bean instanceof JdbcIndexedSessionRepository sessions) ? new SeldomTouchedSessions(sessions) : bean;
			}

		};
	}

	/** Just before Spring Session's own filter, which reads the cookie. */
	@Bean
	FilterRegistrationBean<SessionCookieFilter> sessionCookieFilter(
			@Value("${server.servlet.session.cookie.name:SESSION}") String cookieName) {
		FilterRegistrationBean<SessionCookieFilter> registration = new FilterRegistrationBean<>(
				new SessionCookieFilter(cookieName));
		registration.setOrder(SessionRepositoryFilter.DEFAULT_ORDER - 1);
		return registration;
	}

	/** Just after Spring Session's filter, inside the session it wraps the request in. */
	@Bean
	FilterRegistrationBean<SessionReadFirst> sessionReadFirst(
			@Value("${server.servlet.session.cookie.name:SESSION}") String cookieName) {
		FilterRegistrationBean<SessionReadFirst> registration = new FilterRegistrationBean<>(
				new SessionReadFirst(cookieName));
		registration.setOrder(SessionRepositoryFilter.DEFAULT_ORDER + 1);
		return registration;
	}

}
