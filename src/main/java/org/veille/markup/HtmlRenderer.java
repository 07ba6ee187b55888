package org.veille.markup;

/**
 * Renders a message's text as safe HTML (DESIGN §3): every character typed is escaped, and the
 * only elements produced are {@code p br blockquote pre code strong em a img}, with links to
 * http and https URLs and to Veille's own tag and people pages.
 */
public final class HtmlRenderer {

	private HtmlRenderer() {
	}

	public static String render(String text, RenderOptions options) {
		return renderShowing(text, options).html();
	}

	/** The HTML and the keys of the tags it links to, so that a card shows elsewhere only the others. */
	public static RenderedMessage renderShowing(String text, RenderOptions options) {
		return BlockRenderer.render(MarkupParser.normalize(text), options);
	}

}
