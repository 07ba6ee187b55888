package org.veille.federation;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Objects;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The RSA key pair of each local actor, kept in PostgreSQL and made the first time the actor is shown or signs:
 * most people and tags are never asked for. Two instances making one at once keep the first stored.
 */
@Component
class ActorKeys {

	/** What Mastodon makes and expects. */
	static final int KEY_BITS = 2048;

	record Pair(String publicPem, String privatePem) {

		PrivateKey privateKey() {
			try {
				return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Pem.decode(this.privatePem)));
			}
			catch (GeneralSecurityException ex) {
				throw new IllegalStateException("A stored private key is unreadable", ex);
			}
		}

	}

	private final JdbcClient jdbc;

	ActorKeys(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Transactional
	Pair of(LocalActor actor) {
		String column = actor.isPerson() ? "account_id" : "tag_id";
		Optional<Pair> stored = find(column, actor.id());
		if (stored.isPresent()) {
			return stored.get();
		}
		KeyPair made = generate();
		this.jdbc.sql("""
				insert into federation_keys (%1$s, public_key_pem, private_key_pem) values (:id, :public, :private)
				on conflict (%1$s) where %1$s is not null do nothing
				""".formatted(column))
			.param("id", actor.id())
			.param("public", Pem.encode("PUBLIC KEY", made.getPublic().getEncoded()))
			.param("private", Pem.encode("PRIVATE KEY", made.getPrivate().getEncoded()))
			.update();
		return find(column, actor.id()).orElseThrow();
	}

	/** The site actor's pair, which signs the GETs Veille sends: one for the site, made the first time it is asked. */
	@Transactional
	Pair site() {
		Optional<Pair> stored = siteStored();
		if (stored.isPresent()) {
			return stored.get();
		}
		KeyPair made = generate();
		this.jdbc.sql("""
				insert into federation_site_keys (id, public_key_pem, private_key_pem) values (1, :public, :private)
				on conflict (id) do nothing
				""")
			.param("public", Pem.encode("PUBLIC KEY", made.getPublic().getEncoded()))
			.param("private", Pem.encode("PRIVATE KEY", made.getPrivate().getEncoded()))
			.update();
		return siteStored().orElseThrow();
	}

	private Optional<Pair> siteStored() {
		return this.jdbc.sql("select public_key_pem, private_key_pem from federation_site_keys where id = 1")
			.query((rs, row) -> new Pair(rs.getString(1), rs.getString(2)))
			.optional();
	}

	/** The key a queued delivery is signed with: made when the delivery was planned. */
	Optional<Pair> stored(Delivery delivery) {
		return (delivery.accountId() != null) ? find("account_id", delivery.accountId())
				: find("tag_id", Objects.requireNonNull(delivery.tagId()));
	}

	private Optional<Pair> find(String column, long id) {
		return this.jdbc.sql("select public_key_pem, private_key_pem from federation_keys where %s = :id"
			.formatted(column)).param("id", id).query((rs, row) -> new Pair(rs.getString(1), rs.getString(2))).optional();
	}

	private static KeyPair generate() {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(KEY_BITS);
			return generator.generateKeyPair();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Every JDK makes RSA keys", ex);
		}
	}

	static PublicKey publicKey(String pem) throws GeneralSecurityException {
		return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(Pem.decode(pem)));
	}

}
