package org.veille.transfer;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Which charset a file is written in, from its first bytes: a byte order mark, else what the file declares (the
 * {@code <META HTTP-EQUIV="Content-Type">} of a Netscape file, the {@code encoding} of an XML declaration), else
 * UTF-8 when the first bytes are valid UTF-8, else windows-1252 (old exports from Windows browsers).
 */
final class TextCharsets {

	static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

	private static final Pattern META_CHARSET = Pattern
		.compile("<meta[^>]{0,400}?charset\\s*=\\s*[\"']?([A-Za-z0-9._:-]{1,40})", Pattern.CASE_INSENSITIVE);

	private static final Pattern XML_ENCODING = Pattern
		.compile("^<\\?xml[^>]{0,200}?encoding\\s*=\\s*[\"']([A-Za-z0-9._:-]{1,40})[\"']");

	private TextCharsets() {
	}

	/** A byte order mark and the charset it announces. */
	record Bom(Charset charset, int length) {

		static @Nullable Bom of(byte[] head, int length) {
			if (startsWith(head, length, 0xEF, 0xBB, 0xBF)) {
				return new Bom(StandardCharsets.UTF_8, 3);
			}
			if (startsWith(head, length, 0xFF, 0xFE)) {
				return new Bom(StandardCharsets.UTF_16LE, 2);
			}
			if (startsWith(head, length, 0xFE, 0xFF)) {
				return new Bom(StandardCharsets.UTF_16BE, 2);
			}
			return null;
		}

		private static boolean startsWith(byte[] head, int length, int... bytes) {
			if (length < bytes.length) {
				return false;
			}
			for (int i = 0; i < bytes.length; i++) {
				if ((head[i] & 0xFF) != bytes[i]) {
					return false;
				}
			}
			return true;
		}

	}

	/** The charset of a Netscape bookmark file whose first bytes are {@code head}. */
	static Charset ofHtml(byte[] head, int length, boolean cut) {
		Bom bom = Bom.of(head, length);
		if (bom != null) {
			return bom.charset();
		}
		Matcher meta = META_CHARSET.matcher(new String(head, 0, length, StandardCharsets.ISO_8859_1));
		if (meta.find()) {
			Charset declared = lookup(meta.group(1));
			if (declared != null && !declared.name().startsWith("UTF-16")) {
				// without a byte order mark, a file claiming UTF-16 is 8-bit text (browsers read it as UTF-8)
				return declared;
			}
		}
		return isUtf8(head, length, cut) ? StandardCharsets.UTF_8 : WINDOWS_1252;
	}

	/**
	 * The charset of an XML file whose first bytes are {@code head}: its byte order mark, else its declaration, else
	 * UTF-8 (XML's default).
	 * @return null when the declared encoding is unknown
	 */
	static @Nullable Charset ofXml(byte[] head, int length) {
		Bom bom = Bom.of(head, length);
		if (bom != null) {
			return bom.charset();
		}
		Matcher declaration = XML_ENCODING.matcher(new String(head, 0, length, StandardCharsets.ISO_8859_1));
		return declaration.find() ? lookup(declaration.group(1)) : StandardCharsets.UTF_8;
	}

	/** The encoding an XML file declares, for error messages; empty if none. */
	static String declaredXmlEncoding(byte[] head, int length) {
		Matcher declaration = XML_ENCODING.matcher(new String(head, 0, length, StandardCharsets.ISO_8859_1));
		return declaration.find() ? declaration.group(1) : "";
	}

	/**
	 * The charset a label names, with the WHATWG reading of the labels found in old HTML: ISO-8859-1 and US-ASCII
	 * mean windows-1252. Null for an unknown label.
	 */
	static @Nullable Charset lookup(String label) {
		try {
			Charset charset = Charset.forName(label.strip());
			if (charset.equals(StandardCharsets.ISO_8859_1) || charset.equals(StandardCharsets.US_ASCII)) {
				return WINDOWS_1252;
			}
			return charset;
		}
		catch (IllegalArgumentException ex) {
			// IllegalCharsetNameException and UnsupportedCharsetException: not a label Java knows
			return null;
		}
	}

	/** A decoder that refuses invalid bytes instead of replacing them. */
	static CharsetDecoder strictDecoder(Charset charset) {
		return charset.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);
	}

	/**
	 * Whether {@code head} is valid UTF-8; when the bytes are {@code cut} from a longer file, a character cut at the
	 * end does not count against it.
	 */
	static boolean isUtf8(byte[] head, int length, boolean cut) {
		CharsetDecoder decoder = strictDecoder(StandardCharsets.UTF_8);
		ByteBuffer in = ByteBuffer.wrap(head, 0, length);
		CharBuffer out = CharBuffer.allocate(1024);
		while (true) {
			CoderResult result = decoder.decode(in, out, !cut);
			if (result.isError()) {
				return false;
			}
			if (result.isUnderflow()) {
				return true;
			}
			out.clear();
		}
	}

}
