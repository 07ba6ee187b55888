package org.veille.feed;

import java.time.Instant;

/**
 * What a feed says of itself: its title, the page it mirrors and its own path (both site-relative),
 * and when its content last changed.
 */
public record FeedDescription(String title, String pagePath, String selfPath, Instant lastChange) {
}
