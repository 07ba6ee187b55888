package org.veille.transfer.format;

import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import org.veille.charset.CharsetSniffer;

/**
 * Which charset an XML import file is written in, from its first bytes: its byte order mark, else the
 * {@code encoding} of its declaration, else UTF-8. (A Netscape file is HTML, read as any page is:
 * {@link CharsetSniffer#ofHtml}.)
 */
final class TextCharsets {

	private static final Pattern XML_ENCODING = Pattern
		.compile("^<\\?xml[^>]{0,200}?encoding\\s*=\\s*[\"']([A-Za-z0-9._:-]{1,40})[\"']");

	private TextCharsets() {
	}

	/**
	 * The charset of an XML file whose first bytes are {@code head}: its byte order mark, else its declaration, else
	 * UTF-8 (XML's default).
	 * @return null when the declared encoding is unknown
	 */
	static @Nullable Charset ofXml(byte[] head, int length) {
		CharsetSniffer.Bom bom = CharsetSniffer.Bom.of(head, length);
		if (bom != null) {
			return bom.charset();
		}
		Matcher declaration = XML_ENCODING.matcher(new String(head, 0, length, StandardCharsets.ISO_8859_1));
		return declaration.find() ? CharsetSniffer.lookup(declaration.group(1)) : StandardCharsets.UTF_8;
	}

	/** The encoding an XML file declares, for error messages; empty if none. */
	static String declaredXmlEncoding(byte[] head, int length) {
		Matcher declaration = XML_ENCODING.matcher(new String(head, 0, length, StandardCharsets.ISO_8859_1));
		return declaration.find() ? declaration.group(1) : "";
	}

	/** A decoder that refuses invalid bytes instead of replacing them. */
	static CharsetDecoder strictDecoder(Charset charset) {
		return charset.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);
	}

}
