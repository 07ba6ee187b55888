package org.veille.markup;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;

/**
 * Renders the content of one paragraph: links, code, tags, mentions, and the styles whose
 * markers pair up. A closing marker takes the nearest opening one of its kind; markers of the
 * other kind opened in between are dropped, so the HTML always nests.
 */
final class InlineRenderer {

	private static final String LINK_REL = "ugc noopener noreferrer";

	private static final String UNFOLLOWED_LINK_REL = "nofollow " + LINK_REL;

	private final String text;

	private final RenderOptions options;

	private final StringBuilder html;

	private final Set<String> linkedTags;

	private InlineRenderer(String text, RenderOptions options, StringBuilder html, Set<String> linkedTags) {
		this.text = text;
		this.options = options;
		this.html = html;
		this.linkedTags = linkedTags;
	}

	/** Writes the paragraph into {@code html}, adding the key of each tag it links to {@code linkedTags}. */
	static void render(String text, List<Token> paragraph, RenderOptions options, StringBuilder html,
			Set<String> linkedTags) {
		List<Inline> inlines = new ArrayList<>();
		for (Token token : paragraph) {
			switch (token.kind()) {
				case TEXT -> inlines.addAll(InlineScanner.all(text, token.start(), token.end()));
				case CODE -> inlines.add(new Inline.Code(token.contentStart(), token.contentEnd()));
				case URL -> inlines.add(new Inline.Link(token.start(), token.end()));
				case NEWLINE -> inlines.add(new Inline.Break());
				default -> throw new IllegalArgumentException("Not inline content: " + token);
			}
		}
		new InlineRenderer(text, options, html, linkedTags).write(inlines, pairMarkers(inlines));
	}

	/** For each inline, whether it is a marker that opens (+1) or closes (-1) a style. */
	private static int[] pairMarkers(List<Inline> inlines) {
		int[] roles = new int[inlines.size()];
		Deque<Integer> stars = new ArrayDeque<>();
		Deque<Integer> underscores = new ArrayDeque<>();
		for (int i = 0; i < inlines.size(); i++) {
			if (inlines.get(i) instanceof Inline.Marker marker) {
				Deque<Integer> same = (marker.marker() == '*') ? stars : underscores;
				Deque<Integer> other = (marker.marker() == '*') ? underscores : stars;
				if (marker.canClose() && !same.isEmpty()) {
					int opening = same.pop();
					roles[opening] = 1;
					roles[i] = -1;
					while (!other.isEmpty() && other.peek() > opening) {
						other.pop();
					}
				}
				else if (marker.canOpen()) {
					same.push(i);
				}
			}
		}
		return roles;
	}

	private void write(List<Inline> inlines, int[] roles) {
		for (int i = 0; i < inlines.size(); i++) {
			Inline inline = inlines.get(i);
			if (inline instanceof Inline.Literal literal) {
				Html.escape(this.text, literal.start(), literal.end(), this.html);
			}
			else if (inline instanceof Inline.Marker marker) {
				writeMarker(marker, roles[i]);
			}
			else if (inline instanceof Inline.Tag tag) {
				writeTag(tag.tag());
			}
			else if (inline instanceof Inline.Mention mention) {
				writeMention(mention);
			}
			else if (inline instanceof Inline.RemoteMention mention) {
				writeRemoteMention(mention);
			}
			else if (inline instanceof Inline.Link link) {
				writeLink(this.text.substring(link.start(), link.end()));
			}
			else if (inline instanceof Inline.Code code) {
				this.html.append("<code>");
				Html.escape(this.text, code.start(), code.end(), this.html).append("</code>");
			}
			else if (inline instanceof Inline.Break) {
				this.html.append("<br>");
			}
		}
	}

	private void writeMarker(Inline.Marker marker, int role) {
		String element = (marker.marker() == '*') ? "strong" : "em";
		if (role > 0) {
			this.html.append('<').append(element).append('>');
		}
		else if (role < 0) {
			this.html.append("</").append(element).append('>');
		}
		else {
			this.html.append(marker.marker());
		}
	}

	private void writeTag(Hashtag tag) {
		String key = tag.key(this.options.language());
		this.linkedTags.add(key);
		this.html.append("<a class=\"tag\" href=\"/tag/");
		Html.escape(TagKeys.pathOf(key), this.html).append("\" rel=\"tag\">#");
		Html.escape(tag.label(this.options.language()), this.html).append("</a>");
	}

	private void writeMention(Inline.Mention mention) {
		if (!this.options.knownLogin().test(mention.login())) {
			Html.escape(this.text, mention.start(), mention.end(), this.html);
			return;
		}
		this.html.append("<a class=\"mention\" href=\"/people/");
		Html.escape(mention.login(), this.html).append("\">@");
		Html.escape(mention.login(), this.html).append("</a>");
	}

	/** Linked to the person's profile once it was found (federation resolves handles), else left as text. */
	private void writeRemoteMention(Inline.RemoteMention mention) {
		String profile = this.options.remoteProfile().apply(mention.handle());
		if (profile == null || !(profile.startsWith("https://") || profile.startsWith("http://"))) {
			Html.escape(this.text, mention.start(), mention.end(), this.html);
			return;
		}
		this.html.append("<a class=\"mention\" href=\"");
		Html.escape(profile, this.html).append("\" rel=\"").append(UNFOLLOWED_LINK_REL).append("\">");
		Html.escape(this.text, mention.start(), mention.end(), this.html).append("</a>");
	}

	private void writeLink(String typed) {
		String href = UrlCleaner.clean(typed);
		this.html.append("<a href=\"");
		Html.escape(href, this.html).append("\" rel=\"")
			.append(this.options.followLinks() ? LINK_REL : UNFOLLOWED_LINK_REL)
			.append("\">");
		Html.escape(typed, this.html).append("</a>");
		if (Urls.isImage(href)) {
			this.html.append("<img src=\"");
			Html.escape(href, this.html).append("\" alt=\"\" loading=\"lazy\">");
		}
	}

}
