package org.veille.web;

import java.io.IOException;
import java.net.URI;

import jakarta.servlet.ServletException;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;

/**
 * With {@code veille.public-url} set, shows every request to the application as made to that address: its
 * scheme, host and port, and secure when it is https, whatever {@code Host} header came. So the addresses
 * Tomcat and Spring Security write themselves (a redirect to the sign-in page, the page to go back to after
 * it) are on the public address, and Tomcat marks the session cookie {@code Secure} behind a TLS proxy.
 * Tomcat recycles these values with the request, so they need no restoring.
 */
class PublicAddressValve extends ValveBase {

	private final String scheme;

	private final String host;

	private final int port;

	PublicAddressValve(URI address) {
		super(true);
		this.scheme = address.getScheme();
		this.host = address.getHost();
		this.port = (address.getPort() != -1) ? address.getPort() : ("https".equals(this.scheme) ? 443 : 80);
	}

	@Override
	public void invoke(Request request, Response response) throws IOException, ServletException {
		request.getCoyoteRequest().scheme().setString(this.scheme);
		request.getCoyoteRequest().serverName().setString(this.host);
		request.setServerPort(this.port);
		request.setSecure("https".equals(this.scheme));
		getNext().invoke(request, response);
	}

}
