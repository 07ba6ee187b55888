package org.veille.link.fetch;

/** Why a fetch gave no usable answer; stored with the job and shown to curious users. */
public enum FailureReason {
	/** The host name does not resolve. */
	DNS,
	/** No address of the host accepted the connection. */
	REFUSED,
	/** The connection or the whole fetch took longer than allowed. */
	TIMEOUT,
	/** The server answered with an error status (4xx, 5xx) or a redirect without a location. */
	HTTP_STATUS,
	/** The body is larger than the limit and its size had to be read. */
	TOO_LARGE,
	/** The address, or the port, is one the fetcher must not connect to. */
	BLOCKED_ADDRESS,
	/** More redirects than allowed. */
	TOO_MANY_REDIRECTS,
	/** Not an absolute http(s) URL, or a redirect to one that is not. */
	BAD_URL,
	/** The TLS handshake failed: unknown certificate authority, wrong host name, no common protocol. */
	TLS,
	/** The server broke HTTP: malformed response, unsupported encoding, connection reset mid-answer. */
	PROTOCOL,
	/** An image was asked for and the answer is not one. */
	UNSUPPORTED_CONTENT_TYPE
}
