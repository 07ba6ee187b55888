package org.veille.web;

import java.time.Instant;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import org.springframework.web.servlet.view.RedirectView;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a redirect's {@code Location} holds: URI characters only, the escapes it was given left alone.
 */
class RedirectsTests {

	@ParameterizedTest(name = "{0} -> {1}")
	@CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
			/tag/sante                  | /tag/sante
			/tag/sant%C3%A9             | /tag/sant%C3%A9
			/tag/santé                  | /tag/sant%C3%A9
			`/tag/a b"<>`               | /tag/a%20b%22%3C%3E
			/messages/12#m14            | /messages/12#m14
			/sites/example.org/a?b=1&c=(2) | /sites/example.org/a?b=1&c=(2)
			/tag/100%                   | /tag/100%25
			/tag/%zz                    | /tag/%25zz
			/tag/😀                     | /tag/%F0%9F%98%80
			""")
	void shouldEncodeWhatAUriMayNotHold(String url, String location) {
		assertThat(Redirects.location(url)).isEqualTo(location);
	}

	@Test
	void shouldEncodeControlsAndBidiCharacters() {
		assertThat(Redirects.location("/tag/x?before=\r\nSet-Cookie: a\u0000\u202E"))
			.isEqualTo("/tag/x?before=%0D%0ASet-Cookie:%20a%00%E2%80%AE");
	}

	@Test
	void shouldCarryOnlyAPositionVeilleWrote() {
		Cursor cursor = new Cursor(Instant.parse("2026-03-01T08:30:00Z"), 42);

		RedirectView view = (RedirectView) Redirects.permanent("/tag/sante", cursor).getView();

		assertThat(view.getUrl()).isEqualTo("/tag/sante?before=" + cursor.token());
		assertThat(Redirects.permanent("/tag/sante", null).getView()).extracting((v) -> ((RedirectView) v).getUrl())
			.isEqualTo("/tag/sante");
	}

}
