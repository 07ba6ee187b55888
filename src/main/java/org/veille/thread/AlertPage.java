package org.veille.thread;

import java.util.List;

import org.jspecify.annotations.Nullable;

import org.veille.web.Cursor;

/**
 * A page of alerts and the cursor of the next (older) page, if there is one.
 */
public record AlertPage(List<AlertView> alerts, @Nullable Cursor next) {

	public boolean isEmpty() {
		return this.alerts.isEmpty();
	}

	public @Nullable String nextToken() {
		return (this.next != null) ? this.next.token() : null;
	}

}
