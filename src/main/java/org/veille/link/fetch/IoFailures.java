package org.veille.link.fetch;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.PortUnreachableException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;

import javax.net.ssl.SSLException;

/** Names the failure behind an I/O exception of a fetch. */
final class IoFailures {

	private IoFailures() {
	}

	static FetchOutcome.Failed failed(IOException exception) {
		return new FetchOutcome.Failed(reason(exception), detail(exception));
	}

	static FailureReason reason(IOException exception) {
		if (causedBy(exception, SocketTimeoutException.class)) {
			return FailureReason.TIMEOUT;
		}
		if (exception instanceof UnknownHostException) {
			return FailureReason.DNS;
		}
		if (exception instanceof ConnectException || exception instanceof NoRouteToHostException
				|| exception instanceof PortUnreachableException) {
			return FailureReason.REFUSED;
		}
		if (exception instanceof SSLException) {
			return FailureReason.TLS;
		}
		return FailureReason.PROTOCOL;
	}

	private static String detail(IOException exception) {
		String message = exception.getMessage();
		String kind = exception.getClass().getSimpleName();
		return message == null || message.isBlank() ? kind : kind + ": " + message;
	}

	private static boolean causedBy(Throwable exception, Class<? extends Throwable> type) {
		for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
			if (type.isInstance(cause)) {
				return true;
			}
		}
		return false;
	}
}
