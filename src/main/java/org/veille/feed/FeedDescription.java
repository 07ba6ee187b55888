package org.veille.feed;

import java.time.Instant;

/**
 * What a feed says of itself: its title (what it follows, without the site's name; empty for the whole
 * site), the page it mirrors and its own path (both site-relative), and when its content last changed.
 */
public record FeedDescription(String title, String pagePath, String selfPath, Instant lastChange) {
}
