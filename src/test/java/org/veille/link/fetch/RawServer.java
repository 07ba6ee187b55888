package org.veille.link.fetch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** A TCP server on 127.0.0.1 for misbehaving peers: each connection is handed to the test's handler. */
final class RawServer implements AutoCloseable {

	@FunctionalInterface
	interface ConnectionHandler {
		void handle(Socket socket) throws IOException;
	}

	private final ServerSocket serverSocket;
	private final ExecutorService executor = Executors.newCachedThreadPool();
	private final List<Integer> clientPorts = new CopyOnWriteArrayList<>();

	private RawServer(ConnectionHandler handler) throws IOException {
		serverSocket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
		executor.execute(() -> acceptLoop(handler));
	}

	static RawServer start(ConnectionHandler handler) {
		try {
			return new RawServer(handler);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	int port() {
		return serverSocket.getLocalPort();
	}

	/** The client-side ports of the connections accepted so far, in the order accepted. */
	List<Integer> clientPorts() {
		return clientPorts;
	}

	private void acceptLoop(ConnectionHandler handler) {
		while (!serverSocket.isClosed()) {
			try {
				Socket socket = serverSocket.accept();
				clientPorts.add(socket.getPort());
				executor.execute(() -> {
					try {
						handler.handle(socket);
					}
					catch (IOException ignored) {
						// The client went away: expected for most misbehaving servers.
					}
				});
			}
			catch (IOException ex) {
				return;
			}
		}
	}

	@Override
	public void close() throws IOException {
		serverSocket.close();
		executor.shutdownNow();
	}
}
