package org.veille.link.fetch;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jspecify.annotations.Nullable;

/**
 * Decodes an HTML page as a browser would: a byte order mark first, then the charset of the {@code Content-Type}
 * header, then a {@code <meta charset>} or {@code <meta http-equiv="Content-Type">} near the top, then UTF-8 if
 * the bytes are valid UTF-8, else windows-1252. Labels are read the WHATWG way: ISO-8859-1 and ASCII mean
 * windows-1252, a page claiming UTF-16 in a meta tag is read as UTF-8.
 */
final class CharsetDetector {

	private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
	private static final int META_SCAN_BYTES = 8 * 1024;
	private static final Pattern CHARSET_PARAMETER =
			Pattern.compile("charset\\s*=\\s*[\"']?([^\\s\"';]+)", Pattern.CASE_INSENSITIVE);

	private CharsetDetector() {
	}

	/** A decoded page and the charset it was decoded with. */
	record DecodedText(String text, Charset charset) {
	}

	/**
	 * @param bytes the page, or its beginning
	 * @param declaredCharset the charset of the {@code Content-Type} header
	 * @param cut whether the bytes stop before the end of the page, maybe inside a character
	 */
	static DecodedText decode(byte[] bytes, @Nullable String declaredCharset, boolean cut) {
		Bom bom = Bom.of(bytes);
		if (bom != null) {
			return decode(bytes, bom.length(), bom.charset());
		}
		Charset charset = declaredCharset == null ? null : lookup(declaredCharset);
		if (charset == null) {
			charset = fromMeta(bytes);
		}
		if (charset == null) {
			charset = isUtf8(bytes, cut) ? StandardCharsets.UTF_8 : WINDOWS_1252;
		}
		return decode(bytes, 0, charset);
	}

	private static DecodedText decode(byte[] bytes, int offset, Charset charset) {
		return new DecodedText(new String(bytes, offset, bytes.length - offset, charset), charset);
	}

	static @Nullable Charset lookup(String label) {
		try {
			Charset charset = Charset.forName(label.strip());
			if (charset.equals(StandardCharsets.ISO_8859_1) || charset.equals(StandardCharsets.US_ASCII)) {
				return WINDOWS_1252;
			}
			if (charset.name().equalsIgnoreCase("GB2312")) {
				return Charset.forName("GBK");
			}
			return charset;
		}
		catch (IllegalArgumentException ex) {
			// IllegalCharsetNameException and UnsupportedCharsetException: an unknown label is no declaration.
			return null;
		}
	}

	private static @Nullable Charset fromMeta(byte[] bytes) {
		// windows-1252 maps every byte to one char, so the ASCII of the markup survives whatever the real charset.
		String top = new String(bytes, 0, Math.min(bytes.length, META_SCAN_BYTES), WINDOWS_1252);
		Document document = Jsoup.parse(top);
		for (Element meta : document.select("meta[charset], meta[http-equiv][content]")) {
			String label = meta.hasAttr("charset") ? meta.attr("charset") : charsetParameter(meta);
			Charset charset = label == null ? null : lookup(label);
			if (charset != null) {
				return charset.name().toUpperCase(Locale.ROOT).startsWith("UTF-16") ? StandardCharsets.UTF_8 : charset;
			}
		}
		return null;
	}

	private static @Nullable String charsetParameter(Element meta) {
		if (!meta.attr("http-equiv").strip().equalsIgnoreCase("content-type")) {
			return null;
		}
		Matcher matcher = CHARSET_PARAMETER.matcher(meta.attr("content"));
		return matcher.find() ? matcher.group(1) : null;
	}

	/** Whether the bytes are valid UTF-8; when they were cut, the last character may be incomplete. */
	static boolean isUtf8(byte[] bytes, boolean cut) {
		CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT);
		ByteBuffer in = ByteBuffer.wrap(bytes);
		CharBuffer out = CharBuffer.allocate(8 * 1024);
		while (true) {
			CoderResult result = decoder.decode(in, out, false);
			if (result.isError()) {
				return false;
			}
			if (result.isUnderflow()) {
				return in.remaining() == 0 || (cut && in.remaining() < 4);
			}
			out.clear();
		}
	}

	private record Bom(int length, Charset charset) {

		static @Nullable Bom of(byte[] bytes) {
			if (startsWith(bytes, 0xEF, 0xBB, 0xBF)) {
				return new Bom(3, StandardCharsets.UTF_8);
			}
			if (startsWith(bytes, 0xFE, 0xFF)) {
				return new Bom(2, StandardCharsets.UTF_16BE);
			}
			if (startsWith(bytes, 0xFF, 0xFE)) {
				return new Bom(2, StandardCharsets.UTF_16LE);
			}
			return null;
		}

		private static boolean startsWith(byte[] bytes, int... prefix) {
			if (bytes.length < prefix.length) {
				return false;
			}
			for (int i = 0; i < prefix.length; i++) {
				if ((bytes[i] & 0xff) != prefix[i]) {
					return false;
				}
			}
			return true;
		}
	}
}
