package org.veille.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.Charset;

import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * A response kept in memory until {@link #copyBodyToResponse()}, whose writer encodes each text it is given at
 * once, in one call ({@link String#getBytes(Charset)}), straight into the kept bytes. The writer of Spring's
 * wrapper copies a page's text into a character buffer first, and flushes its encoder after every write. The
 * encoding itself costs the same either way: about a tenth of a tag page's first render (issue 16,
 * docs/BENCHMARKS.md), a page's text being held two bytes a character once it holds one character beyond Latin-1.
 */
public final class PageInMemory extends ContentCachingResponseWrapper {

	private @Nullable PrintWriter writer;

	private @Nullable EncodingWriter encoder;

	public PageInMemory(HttpServletResponse response) {
		super(response);
	}

	@Override
	public PrintWriter getWriter() throws IOException {
		if (this.writer == null) {
			this.encoder = new EncodingWriter(getOutputStream(), Charset.forName(getCharacterEncoding()));
			this.writer = new PrintWriter(this.encoder);
		}
		return this.writer;
	}

	@Override
	public byte[] getContentAsByteArray() {
		finishText();
		return super.getContentAsByteArray();
	}

	@Override
	public int getContentSize() {
		finishText();
		return super.getContentSize();
	}

	@Override
	public InputStream getContentInputStream() {
		finishText();
		return super.getContentInputStream();
	}

	@Override
	public void resetBuffer() {
		super.resetBuffer();
		if (this.encoder != null) {
			this.encoder.discard();
		}
	}

	@Override
	public void reset() {
		super.reset();
		if (this.encoder != null) {
			this.encoder.discard();
		}
	}

	@Override
	protected void copyBodyToResponse(boolean complete) throws IOException {
		finishText();
		super.copyBodyToResponse(complete);
	}

	private void finishText() {
		if (this.encoder != null) {
			this.encoder.finish();
		}
	}

	/**
	 * Encodes what it is written in the response's character set, straight into the kept bytes. A text that ends
	 * in the first half of a surrogate pair (an emoji cut between two writes) keeps that half for the next one.
	 */
	private static final class EncodingWriter extends Writer {

		private final OutputStream out;

		private final Charset charset;

		private String pending = "";

		EncodingWriter(OutputStream out, Charset charset) {
			this.out = out;
			this.charset = charset;
		}

		@Override
		public void write(String text, int offset, int length) throws IOException {
			String part = (offset == 0 && length == text.length()) ? text : text.substring(offset, offset + length);
			if (!this.pending.isEmpty()) {
				part = this.pending + part;
				this.pending = "";
			}
			if (!part.isEmpty() && Character.isHighSurrogate(part.charAt(part.length() - 1))) {
				this.pending = part.substring(part.length() - 1);
				part = part.substring(0, part.length() - 1);
			}
			this.out.write(part.getBytes(this.charset));
		}

		@Override
		public void write(char[] characters, int offset, int length) throws IOException {
			write(new String(characters, offset, length), 0, length);
		}

		@Override
		public void write(int character) throws IOException {
			write(String.valueOf((char) character), 0, 1);
		}

		/** Writes a half pair left at the end as the character set writes a lone half (a replacement). */
		void finish() {
			if (!this.pending.isEmpty()) {
				byte[] rest = this.pending.getBytes(this.charset);
				this.pending = "";
				try {
					this.out.write(rest);
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			}
		}

		void discard() {
			this.pending = "";
		}

		@Override
		public void flush() {
		}

		@Override
		public void close() {
		}

	}

}
