package org.veille.federation;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.Signature;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import org.veille.outbound.OutboundClient;
import org.veille.outbound.OutboundProperties;
import org.veille.outbound.PortRange;
import org.veille.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every inbox POST is verified: an HTTP signature by the sender's key (fetched from a real local server), a
 * matching Digest, a Date within 12 hours, a body of 1 MB at most; a type Veille does not handle is taken (202).
 */
@IntegrationTest
class InboxSignatureIntegrationTests {

	@LocalServerPort
	private int port;

	@Autowired
	private JdbcClient jdbc;

	private RemoteServer remote;

	@BeforeEach
	void startRemote() throws Exception {
		this.remote = new RemoteServer("alice");
	}

	@AfterEach
	void stopRemote() {
		this.remote.close();
	}

	private URI inbox() {
		return URI.create("http://localhost:" + this.port + "/federation/inbox");
	}

	private byte[] activity(String type) {
		return ("{\"@context\":\"https://www.w3.org/ns/activitystreams\",\"id\":\"" + this.remote.actorId() + "/a/"
				+ System.nanoTime() + "\",\"type\":\"" + type + "\",\"actor\":\"" + this.remote.actorId()
				+ "\",\"object\":\"https://elsewhere.example/x\"}").getBytes(StandardCharsets.UTF_8);
	}

	@Test
	void aSignedActivityOfAnUnknownTypeIsTakenAndIgnored() throws Exception {
		HttpResponse<String> answer = this.remote.post(inbox(), activity("Arrive"));
		assertThat(answer.statusCode()).as(answer.body()).isEqualTo(202);
		assertThat(this.jdbc.sql("select handle from remote_actors where uri = :uri")
			.param("uri", this.remote.actorId())
			.query(String.class)
			.single()).as("the sender's key was fetched and kept").isEqualTo("alice@" + this.remote.host());
	}

	@Test
	void anUnsignedPostIsRefused() throws Exception {
		HttpResponse<String> answer = this.remote.post(inbox(), activity("Like"), Map.of());
		assertThat(answer.statusCode()).isEqualTo(401);
		assertThat(answer.body()).contains("Signature");
	}

	@Test
	void aSignatureByAnotherKeyIsRefused() throws Exception {
		byte[] body = activity("Like");
		KeyPair other = RemoteServer.newKeys();
		HttpResponse<String> answer = this.remote.post(inbox(), body,
				HttpSignatures.signedPost(inbox(), body, this.remote.keyId(), other.getPrivate(), Instant.now()));
		assertThat(answer.statusCode()).isEqualTo(401);
		assertThat(answer.body()).contains("does not hold");
	}

	@Test
	void aBodyChangedAfterSigningFailsItsDigest() throws Exception {
		byte[] body = activity("Like");
		Map<String, String> headers = HttpSignatures.signedPost(inbox(), body, this.remote.keyId(),
				this.remote.keys.getPrivate(), Instant.now());
		HttpResponse<String> answer = this.remote.post(inbox(), activity("Like"), headers);
		assertThat(answer.statusCode()).isEqualTo(401);
		assertThat(answer.body()).contains("Digest");
	}

	@Test
	void aDigestReplacedAfterSigningBreaksTheSignature() throws Exception {
		byte[] signed = activity("Like");
		byte[] sent = activity("Like");
		Map<String, String> headers = new LinkedHashMap<>(HttpSignatures.signedPost(inbox(), signed,
				this.remote.keyId(), this.remote.keys.getPrivate(), Instant.now()));
		headers.put("Digest", HttpSignatures.digest(sent));
		HttpResponse<String> answer = this.remote.post(inbox(), sent, headers);
		assertThat(answer.statusCode()).isEqualTo(401);
		assertThat(answer.body()).contains("does not hold");
	}

	/**
	 * A signature that leaves the Date out could be sent again at any later time under a fresh Date: the
	 * signed headers must include it, as Mastodon requires.
	 */
	@Test
	void aSignatureThatLeavesTheDateOutIsRefused() throws Exception {
		byte[] body = activity("Like");
		String digest = HttpSignatures.digest(body);
		Signature rsa = Signature.getInstance("SHA256withRSA");
		rsa.initSign(this.remote.keys.getPrivate());
		rsa.update(("(request-target): post " + inbox().getRawPath() + "\ndigest: " + digest)
			.getBytes(StandardCharsets.UTF_8));
		Map<String, String> headers = new LinkedHashMap<>();
		headers.put("Date", DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC)));
		headers.put("Digest", digest);
		headers.put("Signature", "keyId=\"" + this.remote.keyId() + "\",algorithm=\"rsa-sha256\","
				+ "headers=\"(request-target) digest\",signature=\"" + Base64.getEncoder().encodeToString(rsa.sign()) + "\"");

		HttpResponse<String> answer = this.remote.post(inbox(), body, headers);

		assertThat(answer.statusCode()).isEqualTo(401);
		assertThat(answer.body()).contains("(request-target), date and digest");
	}

	@Test
	void aDateOverTwelveHoursAwayIsRefused() throws Exception {
		byte[] body = activity("Like");
		HttpResponse<String> answer = this.remote.post(inbox(), body, HttpSignatures.signedPost(inbox(), body,
				this.remote.keyId(), this.remote.keys.getPrivate(), Instant.now().minus(Duration.ofHours(13))));
		assertThat(answer.statusCode()).isEqualTo(401);
		assertThat(answer.body()).contains("12 hours");
	}

	@Test
	void anActivityOverOneMegabyteIsRefusedUnread() throws Exception {
		byte[] body = new byte[InboxController.MAX_BODY_BYTES + 1];
		Arrays.fill(body, (byte) ' ');
		HttpResponse<String> answer = this.remote.post(inbox(), body);
		assertThat(answer.statusCode()).isEqualTo(413);
		assertThat(answer.body()).contains("1048576 bytes at most");
	}

	@Test
	void anActivityOfAnotherActorThanItsSignerIsForbidden() throws Exception {
		byte[] body = ("{\"type\":\"Like\",\"actor\":\"https://elsewhere.example/users/mallory\",\"object\":\"x\"}")
			.getBytes(StandardCharsets.UTF_8);
		HttpResponse<String> answer = this.remote.post(inbox(), body);
		assertThat(answer.statusCode()).isEqualTo(403);
	}

	@Test
	void aKeyOnAPrivateAddressIsNotFetchedUnderTheDefaultPolicy() {
		OutboundProperties strict = new OutboundProperties(false, List.of(PortRange.valueOf("1-65535")),
				Duration.ofSeconds(2), 4, 100, OutboundProperties.DEFAULT_USER_AGENT);
		try (OutboundClient client = new OutboundClient(strict)) {
			RemoteActors actors = new RemoteActors(this.jdbc, client, (uri) -> Map.of(), Clock.systemUTC());
			assertThatThrownBy(() -> actors.byKeyId(this.remote.keyId(), true))
				.isInstanceOf(RemoteActorException.class)
				.hasMessageContaining("could not fetch");
		}
		assertThat(this.remote.fetched).as("nothing was asked of the private address").isEmpty();
	}

}
