package org.veille.transfer.format;

import org.veille.markup.TagKeys;

/** The absolute addresses of a site's pages, for exports. */
final class SiteLinks {

	private final String site;

	SiteLinks(String siteUrl) {
		String site = siteUrl.strip();
		while (site.endsWith("/")) {
			site = site.substring(0, site.length() - 1);
		}
		this.site = site;
	}

	String site() {
		return this.site;
	}

	String message(long id) {
		return this.site + "/messages/" + id;
	}

	String person(String login) {
		return this.site + "/people/" + login;
	}

	String tag(String key) {
		return this.site + "/tag/" + TagKeys.pathOf(key);
	}

}
