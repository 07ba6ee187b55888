package org.veille.account;

import java.util.Locale;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;

import org.springframework.context.i18n.LocaleContext;
import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Spring MVC asks for the language of a request at every message and card of a page: the resolver works it out
 * once per request.
 */
class LanguageResolverTests {

	@Test
	void shouldReadARequestsCookiesOnceHoweverOftenItsLanguageIsAsked() {
		CountingRequest request = new CountingRequest();
		request.setCookies(new Cookie(LanguageResolver.COOKIE, "fr"));

		LocaleContext context = new LanguageResolver().resolveLocaleContext(request);

		assertThat(context.getLocale()).isEqualTo(Locale.FRENCH);
		assertThat(context.getLocale()).isEqualTo(Locale.FRENCH);
		assertThat(context.getLocale()).isEqualTo(Locale.FRENCH);
		assertThat(request.cookiesRead).isEqualTo(1);
	}

	@Test
	void shouldKeepTheLanguageJustChosenWithTheSwitch() {
		CountingRequest request = new CountingRequest();
		request.setCookies(new Cookie(LanguageResolver.COOKIE, "fr"));
		request.setParameter(LanguageResolver.PARAMETER, "en");

		LocaleContext context = new LanguageResolver().resolveLocaleContext(request);

		assertThat(context.getLocale()).isEqualTo(Locale.ENGLISH);
		assertThat(context.getLocale()).isEqualTo(Locale.ENGLISH);
	}

	private static final class CountingRequest extends MockHttpServletRequest {

		private int cookiesRead;

		CountingRequest() {
			super("GET", "/");
		}

		@Override
		public Cookie[] getCookies() {
			this.cookiesRead++;
			return super.getCookies();
		}

	}

}
