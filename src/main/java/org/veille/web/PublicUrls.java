package org.veille.web;

import java.net.URI;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The one place that knows the site's absolute address: {@code veille.public-url} when it is set, else the
 * current request's (its scheme and {@code Host}, or what a proxy's forwarded headers say when
 * {@code server.forward-headers-strategy} is set). Feeds, API answers, the WebSub hub, the bookmarklet,
 * exports and canonical links all take it from here; {@link PublicAddressValve} makes Tomcat and Spring
 * Security's own redirects agree. Templates read {@link #canonicalBase()} as {@code ${canonicalBase}}
 * ({@link PublicUrlAdvice}): Thymeleaf lets no bean be called from an {@code href}.
 */
@Component("publicUrls")
public class PublicUrls {

	private final @Nullable URI configured;

	private final String contextPath;

	PublicUrls(PublicUrlProperties properties, @Value("${server.servlet.context-path:}") String contextPath) {
		this.configured = properties.publicUrl();
		this.contextPath = contextPath.endsWith("/") ? contextPath.substring(0, contextPath.length() - 1) : contextPath;
	}

	/** The address set by {@code veille.public-url}, if any: scheme, host and port. */
	public @Nullable URI configured() {
		return this.configured;
	}

	/**
	 * The site's root without a trailing slash, such as {@code https://veille.example.org}. Without
	 * {@code veille.public-url} it is read from the current request, so it can only be asked during one.
	 */
	public String base() {
		if (this.configured != null) {
			return this.configured + this.contextPath;
		}
		return ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
	}

	/** This site-relative path ({@code /tag/sante}) as an absolute URL. */
	public String absolute(String path) {
		return base() + path;
	}

	/**
	 * What the path of a page's canonical link follows: the public address when it is set, else the context
	 * path alone, so that the link stays site-relative as before (a relative link cannot name a wrong host).
	 */
	public String canonicalBase() {
		return (this.configured != null) ? base() : this.contextPath;
	}

}
