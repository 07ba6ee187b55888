package org.veille.blogfeed;

import java.util.Set;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeVisitor;

import org.veille.text.XmlChars;

/**
 * The text of an HTML fragment, as a reader sees it (jsoup parses it as a browser would): blocks become paragraphs
 * separated by a blank line, {@code <br>} a line break, every other run of blanks one space; scripts and styles
 * are dropped. Text that holds no markup comes out as it went in, its blanks tidied.
 */
final class HtmlText {

	private static final Set<String> BLOCKS = Set.of("p", "div", "li", "ul", "ol", "dl", "dt", "dd", "h1", "h2", "h3",
			"h4", "h5", "h6", "blockquote", "pre", "table", "tr", "section", "article", "header", "footer", "figure",
			"figcaption", "hr", "aside", "address");

	private static final Set<String> HIDDEN = Set.of("script", "style", "noscript", "template", "iframe", "object");

	private static final Pattern BLANKS = Pattern.compile("[ \\t\\x0B\\f\\r\\u00A0]+");

	private static final Pattern SPACED_BREAKS = Pattern.compile(" *\\n *");

	private static final Pattern PARAGRAPHS = Pattern.compile("\\n{3,}");

	private HtmlText() {
	}

	/** The text of this HTML, its paragraphs kept. */
	static String of(String html) {
		StringBuilder text = new StringBuilder(html.length());
		Jsoup.parseBodyFragment(XmlChars.strip(html)).body().traverse(new NodeVisitor() {
			@Override
			public void head(Node node, int depth) {
				if (node instanceof TextNode textNode && !insideHidden(textNode)) {
					text.append(textNode.getWholeText().replace('\n', ' '));
				}
				else if (node instanceof Element element) {
					if (element.normalName().equals("br")) {
						text.append('\n');
					}
					else if (BLOCKS.contains(element.normalName())) {
						text.append("\n\n");
					}
				}
			}

			@Override
			public void tail(Node node, int depth) {
				if (node instanceof Element element && BLOCKS.contains(element.normalName())) {
					text.append("\n\n");
				}
			}
		});
		// Entities such as &#1; decode to characters XML forbids: none is kept (DESIGN §8).
		String spaced = BLANKS.matcher(XmlChars.strip(text.toString())).replaceAll(" ");
		return PARAGRAPHS.matcher(SPACED_BREAKS.matcher(spaced).replaceAll("\n")).replaceAll("\n\n").strip();
	}

	/** The text on one line, as a title is. */
	static String line(String html) {
		return BLANKS.matcher(of(html).replace('\n', ' ')).replaceAll(" ").strip();
	}

	private static boolean insideHidden(Node node) {
		for (Node parent = node.parent(); parent != null; parent = parent.parent()) {
			if (parent instanceof Element element && HIDDEN.contains(element.normalName())) {
				return true;
			}
		}
		return false;
	}

}
