package org.veille.federation;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;


/**
 * How other servers find this site's actors: WebFinger (RFC 7033) for {@code acct:login@host} and
 * {@code acct:tag_<key>@host}, host-meta (RFC 6415) pointing at it, and NodeInfo 2.1.
 */
@RestController
class DiscoveryController {

	static final MediaType JRD = MediaType.parseMediaType("application/jrd+json; charset=utf-8");

	private final LocalActors actors;

	private final Sites sites;

	private final NodeStatistics statistics;

	DiscoveryController(LocalActors actors, Sites sites, NodeStatistics statistics) {
		this.actors = actors;
		this.sites = sites;
		this.statistics = statistics;
	}

	@GetMapping("/.well-known/webfinger")
	ResponseEntity<byte[]> webfinger(@RequestParam(required = false) @Nullable String resource) {
		if (resource == null || resource.isBlank()) {
			return problem(HttpStatus.BAD_REQUEST, "Give the account to find: ?resource=acct:login@" + this.sites.current().authority());
		}
		Optional<LocalActor> actor = find(resource.strip());
		if (actor.isEmpty()) {
			return problem(HttpStatus.NOT_FOUND, "No person or tag here is " + resource.strip());
		}
		LocalActor found = actor.get();
		ObjectNode answer = ActivityStreams.object();
		answer.put("subject", "acct:" + found.preferredUsername() + "@" + this.sites.current().authority());
		String id = this.sites.current().actorId(found);
		answer.set("aliases", ActivityStreams.strings(List.of(id)));
		ArrayNode links = answer.putArray("links");
		ObjectNode self = links.addObject();
		self.put("rel", "self");
		self.put("type", "application/activity+json");
		self.put("href", id);
		ObjectNode page = links.addObject();
		page.put("rel", "http://webfinger.net/rel/profile-page");
		page.put("type", "text/html");
		page.put("href", id);
		return ResponseEntity.ok().contentType(JRD).body(ActivityStreams.bytes(answer));
	}

	/** {@code acct:name@host} with this site's host, or an actor's own URL. */
	private Optional<LocalActor> find(String resource) {
		String base = this.sites.current().base();
		if (resource.startsWith(base + "/people/")) {
			return this.actors.person(resource.substring((base + "/people/").length()));
		}
		if (resource.startsWith(base + "/tag/")) {
			return this.actors.tag(URLDecoder.decode(resource.substring((base + "/tag/").length()),
					StandardCharsets.UTF_8));
		}
		String account = resource.startsWith("acct:") ? resource.substring(5) : resource;
		int at = account.lastIndexOf('@');
		if (at <= 0 || !account.substring(at + 1).toLowerCase(Locale.ROOT)
			.equals(this.sites.current().authority().toLowerCase(Locale.ROOT))) {
			return Optional.empty();
		}
		String user = account.substring(0, at);
		return user.startsWith("@") ? this.actors.byUsername(user.substring(1)) : this.actors.byUsername(user);
	}

	@GetMapping("/.well-known/host-meta")
	ResponseEntity<String> hostMeta() {
		String template = HtmlUtils.htmlEscape(this.sites.current().base() + "/.well-known/webfinger?resource={uri}");
		String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
				+ "<XRD xmlns=\"http://docs.oasis-open.org/ns/xri/xrd-1.0\">\n"
				+ "  <Link rel=\"lrdd\" type=\"application/jrd+json\" template=\"" + template + "\"/>\n</XRD>\n";
		return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/xrd+xml; charset=utf-8")).body(xml);
	}

	@GetMapping("/.well-known/nodeinfo")
	ResponseEntity<byte[]> nodeInfoLinks() {
		ObjectNode answer = ActivityStreams.object();
		ObjectNode link = answer.putArray("links").addObject();
		link.put("rel", "http://nodeinfo.diaspora.software/ns/schema/2.1");
		link.put("href", this.sites.current().base() + "/nodeinfo/2.1");
		return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(ActivityStreams.bytes(answer));
	}

	@GetMapping("/nodeinfo/2.1")
	ResponseEntity<byte[]> nodeInfo() {
		NodeStatistics.Counts counts = this.statistics.counts();
		ObjectNode answer = ActivityStreams.object();
		answer.put("version", "2.1");
		ObjectNode software = answer.putObject("software");
		software.put("name", "veille");
		software.put("version", this.statistics.version());
		software.put("repository", "https://github.com/veille-app/veille");
		answer.set("protocols", ActivityStreams.strings(List.of("activitypub")));
		ObjectNode services = answer.putObject("services");
		services.putArray("inbound");
		services.set("outbound", ActivityStreams.strings(List.of("atom1.0")));
		answer.put("openRegistrations", counts.openRegistrations());
		ObjectNode usage = answer.putObject("usage");
		usage.putObject("users").put("total", counts.people()).put("activeMonth", counts.activeMonth())
			.put("activeHalfyear", counts.activeHalfYear());
		usage.put("localPosts", counts.messages());
		answer.putObject("metadata");
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(
					"application/json; profile=\"http://nodeinfo.diaspora.software/ns/schema/2.1#\""))
			.body(ActivityStreams.bytes(answer));
	}

	static ResponseEntity<byte[]> problem(HttpStatus status, String detail) {
		ObjectNode answer = ActivityStreams.object();
		answer.put("error", detail);
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(ActivityStreams.bytes(answer));
	}

}
