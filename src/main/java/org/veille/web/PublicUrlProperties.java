package org.veille.web;

import java.net.URI;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code veille.public-url}: the address readers reach the site at, such as {@code https://veille.example.org}
 * (README lists it). Unset, each request's own address is used, as its {@code Host} header gives it.
 *
 * @param publicUrl an http or https address with a host, an optional port, and no path, query or fragment
 */
@ConfigurationProperties("veille")
public record PublicUrlProperties(@Nullable URI publicUrl) {

	public PublicUrlProperties {
		if (publicUrl != null) {
			publicUrl = checked(publicUrl);
		}
	}

	private static URI checked(URI url) {
		String scheme = (url.getScheme() != null) ? url.getScheme().toLowerCase(Locale.ROOT) : "";
		String path = (url.getRawPath() != null) ? url.getRawPath() : "";
		if (!(scheme.equals("http") || scheme.equals("https")) || url.getHost() == null || url.getRawUserInfo() != null
				|| !(path.isEmpty() || path.equals("/")) || url.getRawQuery() != null || url.getRawFragment() != null) {
			throw new IllegalArgumentException("veille.public-url must be an http or https address with a host and"
					+ " nothing after it, such as https://veille.example.org (it was " + url + ")");
		}
		return URI.create(scheme + "://" + url.getHost().toLowerCase(Locale.ROOT)
				+ ((url.getPort() != -1) ? ":" + url.getPort() : ""));
	}

}
