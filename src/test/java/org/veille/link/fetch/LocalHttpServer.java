package org.veille.link.fetch;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;

/** A real HTTP server on 127.0.0.1 and a free port, answering exact paths with what a test tells it. */
public final class LocalHttpServer implements AutoCloseable {

	private final HttpServer server;
	private final ExecutorService executor = Executors.newCachedThreadPool();
	private final Map<String, HttpHandler> routes = new ConcurrentHashMap<>();
	private final List<Headers> requestHeaders = new CopyOnWriteArrayList<>();
	private final List<String> requestedPaths = new CopyOnWriteArrayList<>();

	private LocalHttpServer(InetAddress address) throws IOException {
		server = HttpServer.create(new InetSocketAddress(address, 0), 0);
		server.createContext("/", this::dispatch);
		server.setExecutor(executor);
		server.start();
	}

	public static LocalHttpServer start() {
		return start(InetAddress.getLoopbackAddress());
	}

	/** On another loopback address, such as 127.0.0.2, for tests that tell servers apart by address. */
	public static LocalHttpServer start(InetAddress address) {
		try {
			return new LocalHttpServer(address);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public int port() {
		return server.getAddress().getPort();
	}

	public URI uri(String path) {
		return URI.create("http://" + server.getAddress().getAddress().getHostAddress() + ":" + port() + path);
	}

	/** The headers of every request received, in order. */
	public List<Headers> requestHeaders() {
		return requestHeaders;
	}

	/** The raw path of every request received, in order. */
	public List<String> requestedPaths() {
		return requestedPaths;
	}

	public void route(String path, HttpHandler handler) {
		routes.put(path, handler);
	}

	public void content(String path, String contentType, byte[] body) {
		route(path, exchange -> {
			exchange.getResponseHeaders().set("Content-Type", contentType);
			exchange.sendResponseHeaders(200, body.length == 0 ? -1 : body.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(body);
			}
		});
	}

	public void fixture(String path, String contentType, String fixture) {
		content(path, contentType, Fixtures.bytes(fixture));
	}

	public void status(String path, int status) {
		route(path, exchange -> {
			exchange.sendResponseHeaders(status, -1);
			exchange.close();
		});
	}

	public void redirect(String path, int status, String location) {
		route(path, exchange -> {
			exchange.getResponseHeaders().set("Location", location);
			exchange.sendResponseHeaders(status, -1);
			exchange.close();
		});
	}

	private void dispatch(HttpExchange exchange) throws IOException {
		requestHeaders.add(exchange.getRequestHeaders());
		requestedPaths.add(exchange.getRequestURI().getRawPath());
		try (InputStream request = exchange.getRequestBody()) {
			request.readAllBytes();
		}
		HttpHandler handler = routes.get(exchange.getRequestURI().getRawPath());
		if (handler == null) {
			exchange.sendResponseHeaders(404, -1);
			exchange.close();
			return;
		}
		handler.handle(exchange);
	}

	@Override
	public void close() {
		server.stop(0);
		executor.shutdownNow();
	}
}
