package org.veille.markup;

/**
 * A piece of a paragraph, between positions of the message text.
 */
sealed interface Inline {

	/** Text shown as it is, escaped. */
	record Literal(int start, int end) implements Inline {
	}

	/** A hashtag, {@code #} included. */
	record Tag(int start, int end, Hashtag tag) implements Inline {
	}

	/** An @mention, {@code @} included. */
	record Mention(int start, int end, String login) implements Inline {
	}

	/** A mention of someone on another server, {@code @user@host}, the first {@code @} included. */
	record RemoteMention(int start, int end, String user, String host) implements Inline {

		/** {@code user@host}, as typed. */
		String handle() {
			return this.user + "@" + this.host;
		}

	}

	/** A {@code *} or {@code _} that may open or close a style. */
	record Marker(int position, char marker, boolean canOpen, boolean canClose) implements Inline {
	}

	/** Inline code, bounds of its content. */
	record Code(int start, int end) implements Inline {
	}

	/** A URL as typed. */
	record Link(int start, int end) implements Inline {
	}

	/** A line break inside a paragraph. */
	record Break() implements Inline {
	}

}
