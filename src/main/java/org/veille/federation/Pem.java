package org.veille.federation;

import java.util.Base64;

/**
 * PEM text (RFC 7468) of DER keys: what actors' {@code publicKeyPem} hold.
 */
final class Pem {

	private Pem() {
	}

	static String encode(String label, byte[] der) {
		String body = Base64.getMimeEncoder(64, new byte[] { '\n' }).encodeToString(der);
		return "-----BEGIN " + label + "-----\n" + body + "\n-----END " + label + "-----\n";
	}

	/** The DER inside the first block, whatever its label; line breaks and spaces ignored. */
	static byte[] decode(String pem) {
		String body = pem.replaceAll("-----(BEGIN|END) [A-Z ]+-----", "").replaceAll("\\s", "");
		return Base64.getDecoder().decode(body);
	}

}
