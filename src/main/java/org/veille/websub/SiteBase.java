package org.veille.websub;

import java.net.URI;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import org.veille.web.PublicUrls;

/**
 * This site's address as the hub names its topics and reads them: {@code veille.public-url}, else the address this
 * instance listens on ({@code server.address}, loopback by default, and its port). Never a request's {@code Host}
 * header, which anyone writes: the hub would read whatever address it named and push it to any callback.
 */
@Component
class SiteBase {

	private final PublicUrls publicUrls;

	private final Environment environment;

	private final String contextPath;

	SiteBase(PublicUrls publicUrls, Environment environment,
			@Value("${server.servlet.context-path:}") String contextPath) {
		this.publicUrls = publicUrls;
		this.environment = environment;
		this.contextPath = contextPath.endsWith("/") ? contextPath.substring(0, contextPath.length() - 1) : contextPath;
	}

	/** The root of this site's topics, without a trailing slash, such as {@code https://veille.example.org}. */
	String base() {
		if (this.publicUrls.configured() != null) {
			return this.publicUrls.base();
		}
		Integer port = this.environment.getProperty("local.server.port", Integer.class,
				this.environment.getProperty("server.port", Integer.class, 8080));
		return "http://" + listeningHost(this.environment.getProperty("server.address")) + ":" + port
				+ this.contextPath;
	}

	/** A public feed of this site: at its address, with a path ending in /feed (a secret home feed is not one). */
	boolean isOwnFeed(String topic) {
		if (!topic.startsWith(base() + "/") || topic.length() > 2_000) {
			return false;
		}
		try {
			String path = URI.create(topic).getPath();
			return path != null && path.endsWith("/feed") && !path.startsWith("/feeds/");
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

	/** Where this instance listens: loopback when on every interface, else the address (or name) it is bound to. */
	private static String listeningHost(@Nullable String address) {
		if (address == null || address.isBlank() || address.equals("0.0.0.0") || address.equals("::")
				|| address.equals("[::]")) {
			return "127.0.0.1";
		}
		return (address.contains(":") && !address.startsWith("[")) ? "[" + address + "]" : address;
	}

}
