package org.veille.search;

import org.veille.thread.ThreadSummary;

/** A thread found, and why. */
public record SearchResult(ThreadSummary thread, SearchHit hit) {
}
