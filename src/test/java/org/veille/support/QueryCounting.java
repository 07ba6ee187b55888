package org.veille.support;

import javax.sql.DataSource;

import net.ttddyy.dsproxy.QueryCountHolder;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.result.MockMvcResultMatchers;

/**
 * Wraps the test datasource so that a test can count the SQL statements a request costs.
 */
public class QueryCounting implements BeanPostProcessor {

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (bean instanceof DataSource dataSource && !beanName.endsWith("Proxy")) {
			return ProxyDataSourceBuilder.create(dataSource).name("veille").countQuery().build();
		}
		return bean;
	}

	public static void reset() {
		QueryCountHolder.clear();
	}

	/**
	 * The statements a GET of this path costs when rendered, checking that it answers 200. It asks for a
	 * fresh copy, as a forced reload does, so that a page kept in the page cache does not count as free.
	 */
	public static long statementsFor(MockMvc mvc, String path) throws Exception {
		reset();
		mvc.perform(MockMvcRequestBuilders.get(path).header(HttpHeaders.CACHE_CONTROL, "no-cache")).andExpect(MockMvcResultMatchers.status().isOk());
		return statements();
	}

	/** Statements run on this thread since the last {@link #reset()}. */
	public static long statements() {
		return QueryCountHolder.getGrandTotal().getTotal();
	}

}
