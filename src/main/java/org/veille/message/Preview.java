package org.veille.message;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What a text being typed says, as the posting form shows it under the text box: its tags, its
 * mentions (and whether each names someone), its links (and the threads that already cite each),
 * and the limit it goes over, if any, as the form would say it.
 */
record Preview(List<Tag> tags, List<Mention> mentions, List<Link> links, @Nullable String problem) {

	/** A text too long to be read: only what to do about it. */
	static Preview refused(String problem) {
		return new Preview(List.of(), List.of(), List.of(), problem);
	}

	record Tag(String display, String path) {
	}

	record Mention(String login, @Nullable String path) {
	}

	/** A link, the threads already citing it, and the topics its page declares that the text does not tag. */
	record Link(String url, List<PostedThread> postedIn, List<Tag> topics) {
	}

	record PostedThread(String title, String path) {
	}

}
