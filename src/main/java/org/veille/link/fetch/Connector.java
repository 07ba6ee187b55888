package org.veille.link.fetch;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import javax.net.ssl.SNIHostName;
import javax.net.ssl.SNIServerName;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * Opens a connection to already checked addresses, trying them in order, and for https layers TLS over it with
 * SNI and host name verification against the URL's host, as a browser would.
 */
final class Connector {

	private final Duration connectTimeout;
	private final SSLSocketFactory tls;

	Connector(Duration connectTimeout, SSLSocketFactory tls) {
		this.connectTimeout = connectTimeout;
		this.tls = tls;
	}

	Socket open(HttpTarget target, List<InetAddress> addresses, Deadline deadline) throws IOException {
		Socket socket = connect(addresses, target.port(), deadline);
		if (!target.secure()) {
			return socket;
		}
		try {
			return startTls(socket, target, deadline);
		}
		catch (IOException | RuntimeException ex) {
			closeQuietly(socket);
			throw ex;
		}
	}

	private Socket connect(List<InetAddress> addresses, int port, Deadline deadline) throws IOException {
		IOException failure = null;
		for (InetAddress address : addresses) {
			Socket socket = new Socket();
			try {
				socket.connect(new InetSocketAddress(address, port), deadline.timeoutMillis(connectTimeout));
				return socket;
			}
			catch (IOException ex) {
				closeQuietly(socket);
				if (failure != null) {
					ex.addSuppressed(failure);
				}
				failure = ex;
			}
		}
		if (failure == null) {
			throw new IllegalArgumentException("no address to connect to");
		}
		throw failure;
	}

	private SSLSocket startTls(Socket socket, HttpTarget target, Deadline deadline) throws IOException {
		SSLSocket ssl = (SSLSocket) tls.createSocket(socket, target.bareHost(), target.port(), true);
		SSLParameters parameters = ssl.getSSLParameters();
		parameters.setEndpointIdentificationAlgorithm("HTTPS");
		serverName(target).ifPresent(name -> parameters.setServerNames(List.of(name)));
		ssl.setSSLParameters(parameters);
		ssl.setSoTimeout(deadline.timeoutMillis());
		ssl.startHandshake();
		return ssl;
	}

	private static Optional<SNIServerName> serverName(HttpTarget target) {
		if (target.isAddressLiteral()) {
			return Optional.empty();
		}
		try {
			return Optional.of(new SNIHostName(target.bareHost()));
		}
		catch (IllegalArgumentException ex) {
			// A name SNI cannot carry, such as under_score.example: the handshake goes on without it.
			return Optional.empty();
		}
	}

	static void closeQuietly(Socket socket) {
		try {
			socket.close();
		}
		catch (IOException ignored) {
			// Nothing more to do with a socket that fails to close.
		}
	}
}
