package org.veille.web;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.spring6.view.ThymeleafViewResolver;

import org.veille.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What makes a first render cheaper (issue 16; figures in docs/BENCHMARKS.md), kept by the application's
 * settings: the other page tests check that the pages read the same.
 */
@IntegrationTest
class TemplateEngineSettingsIntegrationTests {

	@Autowired
	private ThymeleafViewResolver resolver;

	@Autowired
	private SpringTemplateEngine engine;

	@Test
	void shouldRenderAPageInMemoryThenWriteItOnce() {
		// Else every small write goes through the response wrappers' writers, and the page filters' one flushes
		// after each: over a quarter of a page's CPU.
		assertThat(this.resolver.getProducePartialOutputWhileProcessing()).isFalse();
	}

	@Test
	void shouldCompileTheExpressionsTemplatesEvaluateOften() {
		assertThat(this.engine.getEnableSpringELCompiler()).isTrue();
	}

}
