package org.veille.web;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A page kept in memory is the text written, encoded once in the response's character set, whatever the pieces it
 * was written in; nothing reaches the client before {@code copyBodyToResponse}.
 */
class PageInMemoryTests {

	private final MockHttpServletResponse client = new MockHttpServletResponse();

	private final PageInMemory page = new PageInMemory(this.client);

	@Test
	void shouldEncodeWhatIsWrittenInTheResponsesCharacterSet() throws Exception {
		this.page.setContentType("text/html;charset=UTF-8");
		PrintWriter writer = this.page.getWriter();
		writer.write("<p>Écologie — ");
		writer.write(new char[] { 'x', 'ç', 'y' }, 1, 1);
		writer.write('!');
		writer.print("</p>");

		assertThat(this.client.getContentAsByteArray()).isEmpty();
		this.page.copyBodyToResponse();
		assertThat(this.client.getContentAsString(StandardCharsets.UTF_8)).isEqualTo("<p>Écologie — ç!</p>");
	}

	@Test
	void shouldKeepAnEmojiCutBetweenTwoWritesWhole() throws Exception {
		this.page.setContentType("text/html;charset=UTF-8");
		String emoji = "🌍";
		PrintWriter writer = this.page.getWriter();
		writer.write("earth " + emoji.charAt(0));
		writer.write(emoji.charAt(1));
		writer.write(" and more");

		assertThat(new String(this.page.getContentAsByteArray(), StandardCharsets.UTF_8)).isEqualTo("earth 🌍 and more");
	}

	@Test
	void shouldWriteAHalfPairLeftAtTheEndAsTheCharacterSetWritesIt() throws Exception {
		this.page.setContentType("text/plain;charset=UTF-8");
		this.page.getWriter().write("cut " + "🌍".charAt(0));

		this.page.copyBodyToResponse();
		assertThat(this.client.getContentAsByteArray()).isEqualTo(("cut " + "🌍".charAt(0)).getBytes(StandardCharsets.UTF_8));
	}

	@Test
	void shouldEncodeInAnotherCharacterSetWhenTheResponseSaysSo() throws Exception {
		this.page.setContentType("text/plain;charset=ISO-8859-1");
		this.page.getWriter().write("déjà");

		assertThat(this.page.getContentAsByteArray()).isEqualTo("déjà".getBytes(StandardCharsets.ISO_8859_1));
	}

	@Test
	void shouldForgetAHalfPairWhenTheBufferIsReset() throws Exception {
		this.page.setContentType("text/plain;charset=UTF-8");
		this.page.getWriter().write("first " + "🌍".charAt(0));
		this.page.resetBuffer();
		this.page.getWriter().write("second");

		assertThat(new String(this.page.getContentAsByteArray(), StandardCharsets.UTF_8)).isEqualTo("second");
	}

}
