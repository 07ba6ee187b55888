package org.veille.mail;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import org.veille.siteinfo.CurrentSiteInfo;
import org.veille.web.PublicUrls;

/**
 * The site's address and name in e-mails, which are written without a request: {@code veille.public-url}, or,
 * when it is unset, this instance's own port on localhost (right for a developer's machine, wrong on a
 * public site: the start-up log says so).
 */
@Component
public class MailLinks {

	private static final Logger logger = LoggerFactory.getLogger(MailLinks.class);

	private final PublicUrls publicUrls;

	private final CurrentSiteInfo siteInfo;

	private volatile @Nullable String fallback;

	MailLinks(PublicUrls publicUrls, CurrentSiteInfo siteInfo) {
		this.publicUrls = publicUrls;
		this.siteInfo = siteInfo;
	}

	@EventListener
	void onStarted(WebServerInitializedEvent event) {
		if (event.getApplicationContext().getServerNamespace() != null) {
			return; // the management server's port, not the site's
		}
		if (this.publicUrls.configured() == null && this.fallback == null) {
			this.fallback = "http://localhost:" + event.getWebServer().getPort();
			logger.warn("veille.public-url is not set: links in e-mails point to {}", this.fallback);
		}
	}

	/** The site's root without a trailing slash. */
	public String base() {
		if (this.publicUrls.configured() != null) {
			return this.publicUrls.base();
		}
		String local = this.fallback;
		return (local != null) ? local : "http://localhost:8080";
	}

	/** The site's name as its administrators set it (Veille unless they did), for subjects and signatures. */
	public String siteName() {
		return this.siteInfo.name();
	}

	/** This site-relative path as an absolute URL. */
	public String absolute(String path) {
		return base() + path;
	}

}
