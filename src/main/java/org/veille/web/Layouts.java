package org.veille.web;

import java.util.HashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.thymeleaf.context.IExpressionContext;
import org.thymeleaf.context.IWebContext;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * The layout's navigation links and footer, rendered once per language, site name and description, and reader (who
 * is signed in, and whether an administrator), instead of at every first render of every page (issue 16): about
 * twenty links, labels and security checks a page; and the home stream's empty posting editor, once per language.
 * As with cards, the key is what the part shows, so a renamed site or another reader gives another key on every
 * instance and nothing is dropped by hand. Nothing kept here holds a CSRF token: the forms stay in the templates.
 * Templates call {@code ${@layouts.navigation(#ctx, @currentSiteInfo.name())}}.
 */
@Component("layouts")
public class Layouts {

	/**
	 * A thirty-second of the heap (16 MB of 512): a part is a few hundred characters, tens of thousands of readers'
	 * headers.
	 */
	private static final long MAX_WEIGHT = HeapShare.of(32);

	private final RenderedParts<PartKey> parts = new RenderedParts<>(MAX_WEIGHT, (key) -> 256);

	private final Fragments fragments;

	Layouts(Fragments fragments) {
		this.fragments = fragments;
	}

	/**
	 * The site's navigation links, for the reader of the page being rendered: not the sign-out form, which holds
	 * the session's CSRF token.
	 */
	public String navigation(IExpressionContext page, String siteName) {
		Authentication reader = signedInReader();
		String login = (reader != null) ? reader.getName() : null;
		boolean admin = reader != null
				&& reader.getAuthorities().stream().anyMatch((authority) -> "ROLE_ADMIN".equals(authority.getAuthority()));
		return part(page, new PartKey("navigation", page.getLocale().getLanguage(), siteName, login, admin));
	}

	/**
	 * Whether someone is signed in: what {@code sec:authorize="isAuthenticated()"} tells, without parsing and
	 * running a security expression at each page (issue 16).
	 */
	public boolean signedIn() {
		return signedInReader() != null;
	}

	/** The site's description, the credits and the language switch. */
	public String footer(IExpressionContext page, String siteDescription) {
		return part(page, new PartKey("footer", page.getLocale().getLanguage(), siteDescription, null, false));
	}

	/** The posting form's editor when nothing was typed in it and it shows no error (the home stream's). */
	public String emptyPostEditor(IExpressionContext page) {
		return part(page, new PartKey("empty-editor", page.getLocale().getLanguage(), "", null, false));
	}

	private static @Nullable Authentication signedInReader() {
		Authentication reader = SecurityContextHolder.getContext().getAuthentication();
		return (reader != null && reader.isAuthenticated() && !(reader instanceof AnonymousAuthenticationToken)) ? reader
				: null;
	}

	long hits() {
		return this.parts.hits();
	}

	long misses() {
		return this.parts.misses();
	}

	private String part(IExpressionContext page, PartKey key) {
		if (!(page instanceof IWebContext web)) {
			throw new IllegalStateException("The layout is rendered in a web page only");
		}
		return this.parts.get(key, (missing) -> {
			Map<String, @Nullable Object> variables = new HashMap<>();
			variables.put("siteText", key.siteText());
			variables.put("login", key.login());
			variables.put("admin", key.admin());
			return this.fragments.render(key.template(), key.part(), variables, web);
		});
	}

	/**
	 * Which part, and everything it shows: the language, the site's name (navigation) or description (footer), the
	 * reader.
	 */
	private record PartKey(String part, String language, String siteText, @Nullable String login, boolean admin) {

		String template() {
			return "empty-editor".equals(this.part) ? "fragments/post-form" : "fragments/layout-parts";
		}

	}

}
