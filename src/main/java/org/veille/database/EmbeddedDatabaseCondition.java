package org.veille.database;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * Matches when the embedded database is enabled and no datasource URL is configured.
 */
class EmbeddedDatabaseCondition implements Condition {

	@Override
	public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
		Environment environment = context.getEnvironment();
		boolean enabled = environment.getProperty("veille.database.embedded.enabled", Boolean.class, true);
		return enabled && !StringUtils.hasText(environment.getProperty("spring.datasource.url"));
	}

}
