package org.veille.federation;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import org.veille.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Inbox POSTs signed by RFC 9421 (HTTP Message Signatures) with an RFC 9530 Content-Digest, as Fedify 1.6 and later
 * and newer Mastodon send them first; signed here by {@link Rfc9421Signer}, which shares no code with the verifier.
 */
@IntegrationTest
class MessageSignatureIntegrationTests {

	@LocalServerPort
	private int port;

	private RemoteServer remote;

	private Rfc9421Signer signer;

	@BeforeEach
	void startRemote() throws Exception {
		this.remote = new RemoteServer("carol");
		this.signer = new Rfc9421Signer(this.remote.keyId(), this.remote.keys.getPrivate());
	}

	@AfterEach
	void stopRemote() {
		this.remote.close();
	}

	private URI inbox() {
		return URI.create("http://localhost:" + this.port + "/federation/inbox");
	}

	private byte[] activity() {
		return ("{\"@context\":\"https://www.w3.org/ns/activitystreams\",\"id\":\"" + this.remote.actorId() + "/a/"
				+ System.nanoTime() + "\",\"type\":\"Arrive\",\"actor\":\"" + this.remote.actorId()
				+ "\",\"object\":\"https://elsewhere.example/x\"}").getBytes(StandardCharsets.UTF_8);
	}

	private HttpResponse<String> post() throws Exception {
		byte[] body = activity();
		return this.remote.post(inbox(), body, this.signer.headers("POST", inbox(), body));
	}

	@Test
	void aPostSignedAsFedifySignsIsTaken() throws Exception {
		this.signer.components.add("date");
		HttpResponse<String> answer = post();
		assertThat(answer.statusCode()).as(answer.body()).isEqualTo(202);
	}

	@Test
	void theAuthorityAndPathMayStandForTheTargetUri() throws Exception {
		this.signer.components = new ArrayList<>(List.of("@method", "@authority", "@path", "content-digest"));
		HttpResponse<String> answer = post();
		assertThat(answer.statusCode()).as(answer.body()).isEqualTo(202);
	}

	@Test
	void aSha512ContentDigestIsTaken() throws Exception {
		this.signer.digestAlgorithm = "sha-512";
		HttpResponse<String> answer = post();
		assertThat(answer.statusCode()).as(answer.body()).isEqualTo(202);
	}

	@Test
	void aContentDigestThatDoesNotMatchTheBodyIsRefused() throws Exception {
		byte[] signed = activity();
		Map<String, String> headers = this.signer.headers("POST", inbox(), signed);
		HttpResponse<String> answer = this.remote.post(inbox(), activity(), headers);
		assertThat(answer.statusCode()).isEqualTo(401);
		assertThat(answer.body()).contains("Content-Digest header does not match the body (sha-256)");
	}

	@Test
	void aContentDigestReplacedAfterSigningBreaksTheSignature() throws Exception {
		byte[] sent = activity();
		Map<String, String> headers = new LinkedHashMap<>(this.signer.headers("POST", inbox(), activity()));
		headers.put("Content-Digest", Rfc9421Signer.contentDigest("sha-256", sent));
		HttpResponse<String> answer = this.remote.post(inbox(), sent, headers);
		assertThat(answer.statusCode()).isEqualTo(401);
		assertThat(answer.body()).contains("does not hold");
	}

	@Test
	void aSignatureThatLeavesTheContentDigestOutIsRefused() throws Exception {
		this.signer.components.remove("content-digest");
		HttpResponse<String> answer = post();
		assertThat(answer.statusCode()).isEqualTo(401);
		assertThat(answer.body()).contains("must cover content-digest");
	}

	@Test
	void aSignatureThatLeavesTheTargetOutIsRefused() throws Exception {
		this.signer.components = new ArrayList<>(List.of("@method", "@authority", "content-digest"));
		HttpResponse<String> answer = post();
		assertThat(answer.statusCode()).isEqualTo(401);
		assertThat(answer.body()).contains("must cover @method and @target-uri");
	}

	@Test
	void aCoveredHeaderTheRequestLacksIsRefused() throws Exception {
		this.signer.components.add("x-missing");
		HttpResponse<String> answer = post();
		assertThat(answer.statusCode()).isEqualTo(401);
		assertThat(answer.body()).contains("covers x-missing, which the request lacks");
	}

	@Test
	void aLabelThatSignatureLacksIsRefused() throws Exception {
		byte[] body = activity();
		Map<String, String> headers = new LinkedHashMap<>(this.signer.headers("POST", inbox(), body));
		headers.put("Signature", headers.get("Signature").replace("sig1=", "other="));
		HttpResponse<String> answer = this.remote.post(inbox(), body, headers);
		assertThat(answer.statusCode()).isEqualTo(401);
		assertThat(answer.body()).contains("names the signature sig1, which Signature lacks");
	}

	@Test
	void aLabelNamedTwiceIsRefused() throws Exception {
		byte[] body = activity();
		Map<String, String> headers = new LinkedHashMap<>(this.signer.headers("POST", inbox(), body));
		String input = headers.get("Signature-Input");
		headers.put("Signature-Input", input + ", " + input.replace("@method", "@path"));
		HttpResponse<String> answer = this.remote.post(inbox(), body, headers);
		assertThat(answer.statusCode()).isEqualTo(401);
		assertThat(answer.body()).contains("Signature-Input header is not a structured field").contains("twice");
	}

	@Test
	void aMalformedSignatureInputIsRefusedWithA401() throws Exception {
		byte[] body = activity();
		Map<String, String> headers = new LinkedHashMap<>(this.signer.headers("POST", inbox(), body));
		headers.put("Signature-Input", "sig1=(\"@method\" \"@target-uri\";created=1");
		HttpResponse<String> answer = this.remote.post(inbox(), body, headers);
		assertThat(answer.statusCode()).isEqualTo(401);
		assertThat(answer.body()).contains("Signature-Input header is not a structured field (RFC 8941)");
	}

	@Test
	void aMalformedSignatureIsRefusedWithA401() throws Exception {
		byte[] body = activity();
		Map<String, String> headers = new LinkedHashMap<>(this.signer.headers("POST", inbox(), body));
		headers.put("Signature", "sig1=:not base64!:");
		HttpResponse<String> answer = this.remote.post(inbox(), body, headers);
		assertThat(answer.statusCode()).isEqualTo(401);
		assertThat(answer.body()).contains("Signature header is not a structured field");
	}

	@Test
	void aSignatureCreatedOverTwelveHoursAgoIsRefused() throws Exception {
		this.signer.created = Instant.now().minus(Duration.ofHours(13));
		HttpResponse<String> answer = post();
		assertThat(answer.statusCode()).isEqualTo(401);
		assertThat(answer.body()).contains("created more than 12 hours from now");
	}

	@Test
	void anExpiredSignatureIsRefused() throws Exception {
		this.signer.created = Instant.now().minusSeconds(120);
		this.signer.extraParameters = ";expires=" + Instant.now().minusSeconds(60).getEpochSecond();
		HttpResponse<String> answer = post();
		assertThat(answer.statusCode()).isEqualTo(401);
		assertThat(answer.body()).contains("expired");
	}

	@Test
	void aSignatureNotYetExpiredIsTaken() throws Exception {
		this.signer.extraParameters = ";expires=" + Instant.now().plusSeconds(300).getEpochSecond();
		HttpResponse<String> answer = post();
		assertThat(answer.statusCode()).as(answer.body()).isEqualTo(202);
	}

	@Test
	void anotherAlgorithmIsRefused() throws Exception {
		this.signer.algorithm = "hmac-sha256";
		HttpResponse<String> answer = post();
		assertThat(answer.statusCode()).isEqualTo(401);
		assertThat(answer.body()).contains("sign with rsa-v1_5-sha256");
	}

	@Test
	void aSignatureByAnotherKeyIsRefused() throws Exception {
		this.signer = new Rfc9421Signer(this.remote.keyId(), RemoteServer.newKeys().getPrivate());
		HttpResponse<String> answer = post();
		assertThat(answer.statusCode()).isEqualTo(401);
		assertThat(answer.body()).contains("does not hold");
	}

}
