package org.veille.blogfeed;

/** A body that is no RSS or Atom feed Veille can read: broken XML, an HTML page, a DOCTYPE. */
final class FeedUnreadableException extends Exception {

	private static final long serialVersionUID = 1L;

	private final String messageKey;

	FeedUnreadableException(String messageKey, String detail, Throwable cause) {
		super(detail, cause);
		this.messageKey = messageKey;
	}

	/** Says to the person what went wrong, in their language. */
	String messageKey() {
		return this.messageKey;
	}

}
