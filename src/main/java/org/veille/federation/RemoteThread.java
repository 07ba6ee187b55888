package org.veille.federation;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What other servers added to a thread, for its page (public: the template calls its methods): replies (their HTML sanitized when stored), and how many
 * likes and boosts its first message had there.
 */
public record RemoteThread(List<Reply> replies, int likes, int boosts) {

	public record Reply(String handle, @Nullable String profileUrl, String uri, @Nullable String url, String html,
			Instant publishedAt) {

		/** Where a reader goes to see it at home: its page, else its id. */
		public String link() {
			return (this.url != null) ? this.url : this.uri;
		}

	}

	public boolean isEmpty() {
		return this.replies.isEmpty() && this.likes == 0 && this.boosts == 0;
	}

}
