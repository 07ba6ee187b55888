package org.veille.text;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PercentEncodingTests {

	@Test
	void shouldEncodeWhatAUriMayNotHoldInUtf8AndKeepTheRest() {
		assertThat(PercentEncoding.encode("/tag/café au lait?x=<b>&y=\"1\"", PercentEncoding.URI_CHARACTER, true))
			.isEqualTo("/tag/caf%C3%A9%20au%20lait?x=%3Cb%3E&y=%221%22");
	}

	@Test
	void shouldEncodeACharacterOutsideTheBasicPlaneAsItsFourBytes() {
		assertThat(PercentEncoding.encode("a\uD83D\uDE00b", PercentEncoding.URI_CHARACTER, true)).isEqualTo("a%F0%9F%98%80b");
	}

	@Test
	void shouldKeepEscapesWhenAskedAndEncodeAPercentThatStartsNone() {
		assertThat(PercentEncoding.encode("100%25 and 5% of %zz", PercentEncoding.URI_CHARACTER, true))
			.isEqualTo("100%25%20and%205%25%20of%20%25zz");
		assertThat(PercentEncoding.encode("100%25", Character::isLetterOrDigit, false)).isEqualTo("100%2525");
	}

	@Test
	void shouldGiveBackTheSameTextWhenNothingNeedsEncoding() {
		String text = "https://example.org/a/b?c=d";

		assertThat(PercentEncoding.encode(text, PercentEncoding.URI_CHARACTER, true)).isSameAs(text);
	}

	@Test
	void shouldTellAnEscapeFromAPercentAtTheEnd() {
		assertThat(PercentEncoding.isEscape("%4f", 0)).isTrue();
		assertThat(PercentEncoding.isEscape("a%4", 1)).isFalse();
		assertThat(PercentEncoding.isEscape("%g1", 0)).isFalse();
	}

}
