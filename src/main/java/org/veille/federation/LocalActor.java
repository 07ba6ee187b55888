package org.veille.federation;

import org.jspecify.annotations.Nullable;

import org.veille.markup.TagKeys;

/**
 * A person or a tag of this site seen as an actor.
 *
 * @param id the account's or the tag's id
 * @param name the login, or the tag's key
 * @param display the person's display name or the tag's most used spelling
 */
record LocalActor(Kind kind, long id, String name, String display, @Nullable String summary) {

	enum Kind {
		PERSON, TAG
	}

	/** WebFinger user part of a tag: logins never hold an underscore, so {@code tag_…} names no person. */
	static final String TAG_PREFIX = "tag_";

	boolean isPerson() {
		return this.kind == Kind.PERSON;
	}

	/** The HTML page, which is also the actor's id (content negotiation). */
	String pagePath() {
		return isPerson() ? "/people/" + this.name : "/tag/" + TagKeys.pathOf(this.name);
	}

	/** Where the actor's collections live: {@code <base>/inbox}, {@code <base>/outbox}… */
	String collectionPath(String collection) {
		return isPerson() ? "/federation/people/" + this.name + "/" + collection
				: "/federation/tags/" + collection + "/" + TagKeys.pathOf(this.name);
	}

	String preferredUsername() {
		return isPerson() ? this.name : TAG_PREFIX + this.name;
	}

}
