package org.veille.outbound;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.net.ssl.SSLContext;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Outbound clients made by a test, closed after it ({@code @RegisterExtension}). */
public final class OutboundClients implements AfterEachCallback {

	private final List<OutboundClient> open = new CopyOnWriteArrayList<>();

	public OutboundClient client(OutboundProperties settings) {
		return kept(new OutboundClient(settings));
	}

	public OutboundClient client(OutboundProperties settings, AddressGuard guard) {
		return kept(new OutboundClient(settings, guard));
	}

	public OutboundClient client(OutboundProperties settings, AddressGuard guard, SSLContext tls) {
		return kept(new OutboundClient(settings, guard, tls));
	}

	private OutboundClient kept(OutboundClient client) {
		this.open.add(client);
		return client;
	}

	@Override
	public void afterEach(ExtensionContext context) {
		this.open.forEach(OutboundClient::close);
		this.open.clear();
	}

}
