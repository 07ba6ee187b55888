package org.veille.federation;

import java.util.List;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.http.MediaType;

/**
 * The vocabulary's constants and the one JSON mapper of the package: every document is built as a tree, never
 * by joining strings.
 */
final class ActivityStreams {

	static final MediaType ACTIVITY_JSON = MediaType.parseMediaType("application/activity+json; charset=utf-8");

	static final String NAMESPACE = "https://www.w3.org/ns/activitystreams";

	static final String PUBLIC = NAMESPACE + "#Public";

	static final JsonMapper JSON = JsonMapper.builder().build();

	private ActivityStreams() {
	}

	/** A document with the context Mastodon expects: activity streams, and the security vocabulary for keys. */
	static ObjectNode document() {
		ObjectNode document = JsonNodeFactory.instance.objectNode();
		ArrayNode context = document.putArray("@context");
		context.add(NAMESPACE);
		context.add("https://w3id.org/security/v1");
		ObjectNode extensions = context.addObject();
		extensions.put("Hashtag", "as:Hashtag");
		extensions.put("sensitive", "as:sensitive");
		extensions.putObject("alsoKnownAs").put("@id", "as:alsoKnownAs").put("@type", "@id");
		return document;
	}

	static ObjectNode object() {
		return JsonNodeFactory.instance.objectNode();
	}

	static ArrayNode strings(List<String> values) {
		ArrayNode array = JsonNodeFactory.instance.arrayNode();
		values.forEach(array::add);
		return array;
	}

	static byte[] bytes(ObjectNode document) {
		return JSON.writeValueAsBytes(document);
	}

}
