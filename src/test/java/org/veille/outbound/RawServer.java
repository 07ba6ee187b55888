package org.veille.outbound;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** A TCP server on 127.0.0.1 (or another local address) for misbehaving peers: each connection goes to the test's handler. */
public final class RawServer implements AutoCloseable {

	@FunctionalInterface
	public interface ConnectionHandler {
		void handle(Socket socket) throws IOException;
	}

	private final ServerSocket serverSocket;
	private final ExecutorService executor = Executors.newCachedThreadPool();
	private final List<Integer> clientPorts = new CopyOnWriteArrayList<>();

	private RawServer(InetAddress address, ConnectionHandler handler) throws IOException {
		serverSocket = new ServerSocket(0, 50, address);
		executor.execute(() -> acceptLoop(handler));
	}

	public static RawServer start(ConnectionHandler handler) {
		return start(InetAddress.getLoopbackAddress(), handler);
	}

	/** On another local address, such as 127.0.0.2 or an address of this machine's network interfaces. */
	public static RawServer start(InetAddress address, ConnectionHandler handler) {
		try {
			return new RawServer(address, handler);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public int port() {
		return serverSocket.getLocalPort();
	}

	public URI uri(String path) {
		String host = serverSocket.getInetAddress().getHostAddress();
		return URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port() + path);
	}

	/** The client-side ports of the connections accepted so far, in the order accepted. */
	public List<Integer> clientPorts() {
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
