package org.veille.link.fetch;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.PortUnreachableException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;

import javax.net.ssl.SSLException;

import org.veille.outbound.BlockedAddressException;
import org.veille.outbound.RefusedRequestException;

/** Names the failure behind an I/O exception of a fetch. */
final class IoFailures {

	private IoFailures() {
	}

	static FetchOutcome.Failed failed(IOException exception) {
		return new FetchOutcome.Failed(reason(exception), detail(exception));
	}

	static FailureReason reason(IOException exception) {
		if (exception instanceof BlockedAddressException) {
			return FailureReason.BLOCKED_ADDRESS;
		}
		if (exception instanceof RefusedRequestException refused) {
			return switch (refused.reason()) {
				case BLOCKED_PORT -> FailureReason.BLOCKED_ADDRESS;
				case BAD_URL -> FailureReason.BAD_URL;
				case TOO_MANY_REDIRECTS -> FailureReason.TOO_MANY_REDIRECTS;
			};
		}
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
		if (exception instanceof BlockedAddressException || exception instanceof RefusedRequestException) {
			return String.valueOf(message);
		}
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
