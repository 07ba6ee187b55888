package org.veille.transfer.format;

import java.io.IOException;
import java.io.Writer;
import java.util.Locale;

import org.veille.markup.Hashtag;
import org.veille.markup.MarkupParser;
import org.veille.markup.ParsedMessage;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.PrettyPrinter;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.util.DefaultPrettyPrinter;
import tools.jackson.core.util.Separators;

/**
 * Writes messages as a JSON list with Jackson's streaming generator, one object a line (schema in
 * docs/transfer.md).
 */
final class JsonExportWriter implements ExportWriter {

	private static final JsonFactory JSON = JsonFactory.builder().disable(StreamWriteFeature.AUTO_CLOSE_TARGET).build();

	private final JsonGenerator json;

	private final SiteLinks links;

	JsonExportWriter(Writer out, SiteLinks links) throws IOException {
		this.links = links;
		try {
			this.json = JSON.createGenerator(new OneObjectALine(), out);
			this.json.writeStartArray();
		}
		catch (JacksonException ex) {
			throw ioFailure(ex);
		}
	}

	@Override
	public void write(ExportedMessage message) throws IOException {
		ParsedMessage parsed = MarkupParser.parse(message.text());
		try {
			this.json.writeStartObject();
			this.json.writeNumberProperty("id", message.id());
			this.json.writeStringProperty("kind", message.kind().name().toLowerCase(Locale.ROOT));
			this.json.writeStringProperty("url", this.links.message(message.id()));
			this.json.writeName("thread");
			if (message.threadId() != null) {
				this.json.writeNumber(message.threadId());
			}
			else {
				this.json.writeNull();
			}
			this.json.writeName("author");
			this.json.writeStartObject();
			this.json.writeStringProperty("login", message.authorLogin());
			this.json.writeStringProperty("name", message.authorName());
			this.json.writeStringProperty("url", this.links.person(message.authorLogin()));
			this.json.writeEndObject();
			this.json.writeStringProperty("published", message.publishedAt().toString());
			this.json.writeStringProperty("title", parsed.title());
			this.json.writeStringProperty("text", message.text());
			this.json.writeName("tags");
			this.json.writeStartArray();
			for (Hashtag tag : parsed.tags()) {
				this.json.writeString(tag.display());
			}
			this.json.writeEndArray();
			this.json.writeName("links");
			this.json.writeStartArray();
			for (String url : parsed.urls()) {
				this.json.writeString(url);
			}
			this.json.writeEndArray();
			this.json.writeEndObject();
		}
		catch (JacksonException ex) {
			throw ioFailure(ex);
		}
	}

	@Override
	public void close() throws IOException {
		try {
			this.json.writeEndArray();
			this.json.close();
		}
		catch (JacksonException ex) {
			throw ioFailure(ex);
		}
	}

	private static IOException ioFailure(JacksonException ex) {
		return (ex.getCause() instanceof IOException io) ? io : new IOException(ex.getMessage(), ex);
	}

	/** Each object of the list on a line of its own, compact inside. */
	private static final class OneObjectALine extends ObjectWriteContext.Base {

		@Override
		public PrettyPrinter getPrettyPrinter() {
			return new DefaultPrettyPrinter(Separators.createDefaultInstance()
				.withObjectNameValueSpacing(Separators.Spacing.NONE)
				.withObjectEntrySpacing(Separators.Spacing.NONE)
				.withArrayElementSpacing(Separators.Spacing.NONE)
				.withArrayEmptySeparator("")
				.withObjectEmptySeparator(""))
				.withArrayIndenter(new OuterListOnly())
				.withObjectIndenter(new DefaultPrettyPrinter.NopIndenter());
		}

		@Override
		public boolean hasPrettyPrinter() {
			return true;
		}

	}

	/** A new line around the elements of the outer list, nothing inside them. */
	private static final class OuterListOnly extends DefaultPrettyPrinter.NopIndenter {

		private static final long serialVersionUID = 1L;

		@Override
		public void writeIndentation(JsonGenerator generator, int level) {
			if (generator.streamWriteContext().getNestingDepth() <= 1) {
				generator.writeRaw('\n');
			}
		}

		@Override
		public boolean isInline() {
			return false;
		}

	}

}
