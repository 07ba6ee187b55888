package org.veille.federation;

import java.security.GeneralSecurityException;
import java.security.PublicKey;

import org.jspecify.annotations.Nullable;

/**
 * An actor of another server as last fetched.
 *
 * @param handle {@code preferredUsername@host}, as shown next to a remote reply
 */
record RemoteActor(long id, String uri, String keyId, String handle, String host, String inbox,
		@Nullable String sharedInbox, @Nullable String profileUrl, String publicKeyPem) {

	PublicKey publicKey() throws GeneralSecurityException {
		return ActorKeys.publicKey(this.publicKeyPem);
	}

	String deliveryInbox() {
		return (this.sharedInbox != null) ? this.sharedInbox : this.inbox;
	}

}
