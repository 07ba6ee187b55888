package org.veille.link;

/** Fetch jobs were queued in the current transaction: once it commits, idle workers of this instance wake up. */
record FetchesQueued() {
}
