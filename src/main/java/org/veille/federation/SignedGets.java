package org.veille.federation;

import java.net.URI;
import java.util.Map;

/** The signature headers Veille sends with a GET of another server's document. */
interface SignedGets {

	/** Date and Signature for this GET, or nothing when they cannot be made (no site address known). */
	Map<String, String> headersFor(URI target);

}
