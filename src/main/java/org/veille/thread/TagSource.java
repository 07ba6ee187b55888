package org.veille.thread;

import java.time.Instant;

/**
 * A tag whose threads a page lists, with when it last gained or changed a thread: none of its threads was
 * published later (the write path keeps {@code tags.changed_at} so), which lets a page of many tags leave out
 * those that cannot reach it.
 */
public record TagSource(long id, Instant changedAt) {
}
