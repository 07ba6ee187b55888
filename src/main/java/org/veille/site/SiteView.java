package org.veille.site;

import java.net.URI;
import java.time.Instant;

import org.veille.link.NormalizedUrl;

/**
 * A site or a path under it, as site pages show it.
 *
 * @param host lower-case ASCII without {@code www.}
 * @param path {@code ""} for the site, else {@code /a/b} percent-encoded
 * @param threadCount the threads citing a page there
 */
public record SiteView(long id, String host, String path, int threadCount, Instant changedAt) {

	public String pagePath() {
		return "/sites/" + this.host + this.path;
	}

	public String feedPath() {
		return pagePath() + "/feed";
	}

	/** {@code café.example/blog/été}: the host in its own script, the path decoded. */
	public String displayName() {
		return NormalizedUrl.displayHost(this.host) + displayPath(this.path);
	}

	/** The last segment, decoded, for a list of child paths. */
	public String lastSegment() {
		return displayPath(this.path.substring(this.path.lastIndexOf('/')));
	}

	private static String displayPath(String path) {
		if (path.isEmpty()) {
			return path;
		}
		try {
			String decoded = URI.create("http://host" + path).getPath();
			return (decoded != null) ? decoded : path;
		}
		catch (IllegalArgumentException ex) {
			return path;
		}
	}

}
