package org.veille.charset;

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
import org.jsoup.nodes.Element;
import org.jspecify.annotations.Nullable;

/**
 * Tells the charset of text that came from elsewhere, as a browser would (WHATWG Encoding): a byte order mark first,
 * then what the transport declares (an HTTP {@code Content-Type}), then what the document declares, then UTF-8 when
 * the bytes are valid UTF-8, else windows-1252. Labels are read the WHATWG way: ISO-8859-1 and US-ASCII mean
 * windows-1252, GB2312 means GBK, and an HTML page claiming UTF-16 without a byte order mark is 8-bit text, read as
 * UTF-8.
 */
public final class CharsetSniffer {

	public static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

	/** A {@code <meta charset>} counts only in the first bytes of a page, as in browsers. */
	private static final int META_SCAN_BYTES = 8 * 1024;

	private static final Pattern CHARSET_PARAMETER =
			Pattern.compile("charset\\s*=\\s*[\"']?([^\\s\"';]+)", Pattern.CASE_INSENSITIVE);

	private CharsetSniffer() {
	}

	/** A byte order mark and the charset it announces. */
	public record Bom(Charset charset, int length) {

		/** The mark the first {@code length} bytes start with, if any. */
		public static @Nullable Bom of(byte[] bytes, int length) {
			if (startsWith(bytes, length, 0xEF, 0xBB, 0xBF)) {
				return new Bom(StandardCharsets.UTF_8, 3);
			}
			if (startsWith(bytes, length, 0xFE, 0xFF)) {
				return new Bom(StandardCharsets.UTF_16BE, 2);
			}
			if (startsWith(bytes, length, 0xFF, 0xFE)) {
				return new Bom(StandardCharsets.UTF_16LE, 2);
			}
			return null;
		}

		private static boolean startsWith(byte[] bytes, int length, int... prefix) {
			if (length < prefix.length) {
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

	/**
	 * The charset of an HTML document whose first {@code length} bytes are given.
	 *
	 * @param declared the charset the transport declares (an HTTP {@code Content-Type} parameter), if any
	 * @param cut whether the bytes stop before the end of the document, maybe inside a character
	 */
	public static Charset ofHtml(byte[] bytes, int length, @Nullable String declared, boolean cut) {
		Bom bom = Bom.of(bytes, length);
		if (bom != null) {
			return bom.charset();
		}
		Charset charset = (declared != null) ? lookup(declared) : null;
		if (charset == null) {
			charset = fromMeta(bytes, length);
		}
		if (charset == null) {
			charset = isUtf8(bytes, length, cut) ? StandardCharsets.UTF_8 : WINDOWS_1252;
		}
		return charset;
	}

	/** The charset a label names, read the WHATWG way; null for a label Java does not know. */
	public static @Nullable Charset lookup(String label) {
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

	/** Whether the bytes are valid UTF-8; when they were cut from a longer text, the last character may be incomplete. */
	public static boolean isUtf8(byte[] bytes, int length, boolean cut) {
		CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);
		ByteBuffer in = ByteBuffer.wrap(bytes, 0, length);
		CharBuffer out = CharBuffer.allocate(8 * 1024);
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

	private static @Nullable Charset fromMeta(byte[] bytes, int length) {
		// windows-1252 maps every byte to one char, so the ASCII of the markup survives whatever the real charset.
		String top = new String(bytes, 0, Math.min(length, META_SCAN_BYTES), WINDOWS_1252);
		for (Element meta : Jsoup.parse(top).select("meta[charset], meta[http-equiv][content]")) {
			String label = meta.hasAttr("charset") ? meta.attr("charset") : charsetParameter(meta);
			Charset charset = (label != null) ? lookup(label) : null;
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

}
