package org.veille.transfer.format;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.veille.transfer.format.ImportFormatException.Problem;
import org.veille.transfer.format.SkippedBookmark.Reason;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.JacksonIOException;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.exc.UnexpectedEndOfInputException;
import tools.jackson.core.json.JsonFactory;

/**
 * Reads Pinboard's JSON export with Jackson's streaming parser, one post at a time: a list of objects
 *
 * <pre>
 * {"href": "https://…", "description": "the title", "extended": "the description", "meta": "…",
 *  "hash": "…", "time": "2011-02-26T00:53:28Z", "shared": "yes", "toread": "no", "tags": "space separated"}
 * </pre>
 *
 * or an object holding such a list under {@code posts} (Pinboard's {@code posts/get}). {@code shared: "no"} means
 * private; {@code hash} is kept as the source id; {@code tags} may also be a list of strings. Other fields are
 * ignored.
 */
final class PinboardJsonReader {

	private static final JsonFactory JSON = JsonFactory.builder()
		.disable(StreamReadFeature.AUTO_CLOSE_SOURCE)
		.streamReadConstraints(StreamReadConstraints.builder()
			.maxStringLength(Limits.MAX_RUN_CHARS)
			.maxNameLength(1024)
			.maxNestingDepth(32)
			.build())
		.build();

	private static final Set<String> FIELDS = Set.of("href", "description", "extended", "tags", "time", "shared", "hash");

	private static final int MAX_TAGS = 1000;

	private final BookmarkSink sink;

	private PinboardJsonReader(BookmarkSink sink) {
		this.sink = sink;
	}

	static void read(InputStream in, BookmarkSink sink) throws IOException, ImportFormatException {
		try (JsonParser parser = JSON.createParser(ObjectReadContext.empty(), in)) {
			new PinboardJsonReader(sink).readDocument(parser);
		}
		catch (JacksonIOException ex) {
			ImportFormatException failure = ImportFailure.find(ex);
			if (failure != null) {
				throw failure;
			}
			throw ex.getCause();
		}
		catch (JacksonException ex) {
			throw failureOf(ex);
		}
	}

	private void readDocument(JsonParser parser) throws ImportFormatException {
		JsonToken first = parser.nextToken();
		if (first == JsonToken.START_ARRAY) {
			readPosts(parser);
		}
		else if (first == JsonToken.START_OBJECT) {
			readWrapper(parser);
		}
		else {
			throw at(parser, Problem.MALFORMED, "expected a list of bookmarks ([\u2026]), found " + describe(first));
		}
		JsonToken after = parser.nextToken();
		if (after != null) {
			throw at(parser, Problem.MALFORMED, "unexpected " + describe(after) + " after the list of bookmarks");
		}
	}

	/** An object that holds the list under {@code posts}. */
	private void readWrapper(JsonParser parser) throws ImportFormatException {
		boolean found = false;
		boolean chromium = false;
		while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
			String name = parser.currentName();
			JsonToken value = parser.nextToken();
			if (name.equals("posts") && value == JsonToken.START_ARRAY) {
				readPosts(parser);
				found = true;
			}
			else {
				chromium |= name.equals("roots");
				parser.skipChildren();
			}
		}
		if (!found) {
			throw ImportFormatException.of(Problem.UNKNOWN_FORMAT, chromium
					? "this is the Bookmarks file of a Chromium-based browser; export your bookmarks as HTML from its"
							+ " bookmark manager instead"
					: "this JSON object holds no \"posts\" list: it is not a Pinboard export");
		}
	}

	private void readPosts(JsonParser parser) {
		JsonToken token;
		while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
			TokenStreamLocation start = parser.currentTokenLocation();
			if (token == JsonToken.START_OBJECT) {
				readPost(parser, start);
			}
			else {
				parser.skipChildren();
				this.sink.skip(new SkippedBookmark(start.getLineNr(), start.getColumnNr(), Reason.NOT_A_BOOKMARK,
						describe(token) + " in the list"));
			}
		}
	}

	private void readPost(JsonParser parser, TokenStreamLocation start) {
		Map<String, String> fields = new HashMap<>();
		List<String> tagList = new ArrayList<>();
		String tooLong = null;
		while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
			String name = parser.currentName();
			JsonToken value = parser.nextToken();
			if (value == JsonToken.START_ARRAY && name.equals("tags")) {
				while (parser.nextToken() != JsonToken.END_ARRAY) {
					String tag = parser.getValueAsString();
					if (tag != null && tagList.size() < MAX_TAGS) {
						tagList.add(tag);
					}
					else if (tag != null) {
						tooLong = "tags";
					}
					parser.skipChildren();
				}
			}
			else if (FIELDS.contains(name) && value.isScalarValue() && value != JsonToken.VALUE_NULL) {
				String text = parser.getValueAsString();
				if (text != null && text.length() > Limits.MAX_FIELD_CHARS) {
					tooLong = name;
				}
				else if (text != null) {
					fields.putIfAbsent(name, text);
				}
			}
			else {
				parser.skipChildren();
			}
		}
		if (tooLong != null) {
			skip(start, Reason.TOO_LONG, tooLong.equals("tags") && tagList.size() >= MAX_TAGS
					? "more than " + MAX_TAGS + " tags" : tooLong + " longer than " + Limits.MAX_FIELD_CHARS + " characters");
			return;
		}
		String title = fields.getOrDefault("description", "").replaceAll("\\s+", " ").strip();
		String href = fields.get("href");
		if (href == null || href.isBlank()) {
			skip(start, Reason.NO_ADDRESS, SkippedBookmark.shorten(title));
			return;
		}
		String url = WebAddresses.normalize(href);
		if (url == null) {
			skip(start, WebAddresses.whyNot(href), SkippedBookmark.shorten(href));
			return;
		}
		String tags = fields.get("tags");
		if (tags != null) {
			tagList.addAll(List.of(tags.strip().split("\\s+")));
		}
		String extended = fields.getOrDefault("extended", "").replace("\r\n", "\n").replace('\r', '\n').strip();
		String hash = fields.getOrDefault("hash", "").strip();
		this.sink.accept(Bookmark.of(url, title, extended.isEmpty() ? null : extended, tagList,
				Dates.ofIso(fields.get("time")), "no".equalsIgnoreCase(fields.get("shared")),
				hash.isEmpty() ? null : hash));
	}

	private void skip(TokenStreamLocation start, Reason reason, String detail) {
		this.sink.skip(new SkippedBookmark(start.getLineNr(), start.getColumnNr(), reason, detail));
	}

	private static ImportFormatException failureOf(JacksonException ex) {
		TokenStreamLocation location = ex.getLocation();
		long line = (location != null) ? Math.max(0, location.getLineNr()) : 0;
		long column = (location != null) ? Math.max(0, location.getColumnNr()) : 0;
		if (ex instanceof UnexpectedEndOfInputException
				|| String.valueOf(ex.getOriginalMessage()).contains("end-of-input")) {
			return ImportFormatException.at(Problem.TRUNCATED,
					"the file ends in the middle of the JSON (" + ex.getOriginalMessage() + "): it was cut short", line,
					column);
		}
		if (ex instanceof StreamConstraintsException) {
			return ImportFormatException.at(Problem.TOO_LARGE,
					"a JSON value far longer than any bookmark (" + ex.getOriginalMessage() + ")", line, column);
		}
		if (String.valueOf(ex.getOriginalMessage()).startsWith("Invalid UTF-")) {
			return ImportFormatException.at(Problem.ENCODING, "bytes that are not valid UTF-8 text ("
					+ ex.getOriginalMessage() + "); JSON files are UTF-8", line, column);
		}
		return ImportFormatException.at(Problem.MALFORMED, "invalid JSON: " + ex.getOriginalMessage(), line, column);
	}

	private static ImportFormatException at(JsonParser parser, Problem problem, String detail) {
		TokenStreamLocation location = parser.currentTokenLocation();
		return ImportFormatException.at(problem, detail, location.getLineNr(), location.getColumnNr());
	}

	private static String describe(@Nullable JsonToken token) {
		if (token == null) {
			return "nothing";
		}
		return switch (token) {
			case START_OBJECT -> "an object";
			case START_ARRAY -> "a list";
			case VALUE_STRING -> "a string";
			case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
			case VALUE_TRUE, VALUE_FALSE -> "a boolean";
			case VALUE_NULL -> "null";
			default -> token.name();
		};
	}

}
