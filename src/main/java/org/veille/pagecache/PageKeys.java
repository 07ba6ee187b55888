package org.veille.pagecache;

import java.util.HashSet;
import java.util.Set;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;

import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * What the page being rendered shows, told by the code that reads it, so that the page cache drops the page
 * when one of these changes and only then. Each key is also the payload the database's triggers announce
 * (migration V70; docs/architecture.md, "The page cache"). Outside a page the cache keeps, this does nothing.
 */
public final class PageKeys {

	static final String ATTRIBUTE = PageKeys.class.getName();

	/**
	 * How many letters of a tag's key name the pages of tags starting alike (the trigger sends 1 to 8, migration
	 * V103): a page lists only tags starting with its whole key, so the more letters, the fewer pages a new thread
	 * drops for nothing (with three, a thread in #economie dropped #ecologie's page).
	 */
	private static final int ALIKE_LETTERS = 8;

	private final Set<String> keys = new HashSet<>();

	/** Whether what the page is about (a stream, a tag, a thread, a person, a site) was told. */
	private boolean subject;

	PageKeys() {
	}

	/** The keys told while rendering the current request's page, or null when no page is being kept. */
	public static @Nullable PageKeys current() {
		RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
		return (attributes != null
				&& attributes.getAttribute(ATTRIBUTE, RequestAttributes.SCOPE_REQUEST) instanceof PageKeys keys) ? keys
						: null;
	}

	/** Tells the page being kept, if any, what it shows. */
	public static void tell(Consumer<PageKeys> what) {
		PageKeys keys = current();
		if (keys != null) {
			what.accept(keys);
		}
	}

	/** A card of this thread (its replies, stars, text, tags). */
	public PageKeys thread(long threadId) {
		this.keys.add("t:" + threadId);
		return this;
	}

	/** A link's card (its title, description, thumbnail, state). */
	public PageKeys link(long linkId) {
		this.keys.add("l:" + linkId);
		return this;
	}

	/** A tag's display form, as a chip or a link on a card. */
	public PageKeys tagShown(String key) {
		this.keys.add("d:" + key);
		return this;
	}

	/**
	 * A tag page, in any form: the tag's own row, its parents' (the chain shown above), and every tag starting
	 * with its letters (children, tags starting alike, the prefix form's list).
	 */
	public PageKeys tagPage(String key) {
		subject("g:" + key);
		int letters = key.codePointCount(0, key.length());
		this.keys.add("a:" + key.substring(0, key.offsetByCodePoints(0, Math.min(letters, ALIKE_LETTERS))));
		for (int slash = key.indexOf('/'); slash > 0; slash = key.indexOf('/', slash + 1)) {
			this.keys.add("g:" + key.substring(0, slash));
		}
		return this;
	}

	/** The latest threads of the site, as {@code /all} and a signed-out reader's home page list them. */
	public PageKeys latest() {
		this.keys.add("all");
		return this;
	}

	/**
	 * A reason of a home stream ({@code thread_sources}' kind and key: the reader's own messages, a person or tag
	 * they follow…): a thread entering or moving in the stream through it (migration V104).
	 */
	public PageKeys homeReason(String kind, String key) {
		this.keys.add("h:" + kind + ":" + key);
		return this;
	}

	/** What a home stream shows of its reader alone: their follows, tokens and alerts (migration V104). */
	public PageKeys homeOf(long readerId) {
		this.keys.add("h:reader:" + readerId);
		return this;
	}

	/** A site's page: the threads citing it, its paths, who follows it. */
	public PageKeys site(String host) {
		return subject("s:" + host);
	}

	PageKeys subject(String key) {
		this.keys.add(key);
		this.subject = true;
		return this;
	}

	Set<String> keys() {
		return this.keys;
	}

	boolean hasSubject() {
		return this.subject;
	}

}
