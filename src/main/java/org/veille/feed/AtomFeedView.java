package org.veille.feed;

import java.io.Writer;
import java.util.Map;

import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.WireFeedOutput;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jdom2.Document;
import org.jdom2.output.Format;
import org.jdom2.output.XMLOutputter;
import org.jspecify.annotations.Nullable;

import org.springframework.web.servlet.View;

/**
 * Writes a Rome Atom feed as the response, with its times to the millisecond ({@link AtomTimes}). (Spring's own
 * feed views are deprecated in Framework 7.)
 */
class AtomFeedView implements View {

	static final String CONTENT_TYPE = "application/atom+xml;charset=UTF-8";

	private final Feed feed;

	private final AtomTimes times;

	AtomFeedView(Feed feed, AtomTimes times) {
		this.feed = feed;
		this.times = times;
	}

	@Override
	public String getContentType() {
		return CONTENT_TYPE;
	}

	@Override
	public void render(@Nullable Map<String, ?> model, HttpServletRequest request, HttpServletResponse response)
			throws Exception {
		response.setContentType(CONTENT_TYPE);
		try (Writer writer = response.getWriter()) {
			Document document = new WireFeedOutput().outputJDom(this.feed);
			this.times.writeInto(document);
			new XMLOutputter(Format.getPrettyFormat()).output(document, writer);
		}
		catch (FeedException ex) {
			throw new IllegalStateException("Could not write the Atom feed " + this.feed.getId(), ex);
		}
	}

}
